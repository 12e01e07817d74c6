package org.linkage.intake.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.service.CitedArticle;

import java.util.List;

@Schema(name = "AnswerRequest", description = "咨询直接答复 / Close the call as answered from the knowledge base",
        example = """
        {"articles": [{"id": 12, "version": 3, "title": "被拖欠工资怎么办"}],
         "note": "已告知携带劳动合同向人社局投诉", "categoryCode": "WAGES"}""")
public record AnswerRequest(
        @Schema(description = "引用的知识库文章（1-5篇） / the articles the answer cited (1-5)", required = true)
        @NotNull @Size(min = 1, max = 5)
        List<CitedArticle> articles,
        @Schema(description = "答复要点 / what the caller was told", example = "已告知携带劳动合同向人社局投诉")
        @Size(max = 1000)
        String note,
        @Schema(description = "类别代码（非警务）；缺省为分类器建议 / non-police category; default the suggestion", example = "WAGES")
        @Size(max = 40)
        String categoryCode) {
}

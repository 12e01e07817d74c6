package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.repository.CallAttachment;
import org.linkage.intake.service.CallAttachments;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "CallAttachment", description = "来电附件 / Evidence on a call (photo, recording, document)", example = """
        {"id": "0b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44", "callNumber": "110-20261201-000042", "fileName": "现场照片.jpg",
         "contentType": "image/jpeg", "sizeBytes": 183204,
         "sha256": "9f2d5c0e7b1a4f3e8d6c2b0a9e7f5d3c1b9a8e6f4d2c0b9a7e5f3d1c9b7a5e3f", "uploadedBy": "calltaker1",
         "uploadedAt": "2026-12-01T09:31:05Z", "forwardedToTicket": false,
         "href": "/api/calls/5f0e2a9c-1b7d-4c3e-8a6f-9d2b4e1c7a30/attachments/0b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"}""")
public record CallAttachmentView(
        UUID id,
        String callNumber,
        @Schema(description = "下载时的文件名 / the name offered on download") String fileName,
        @Schema(description = "由内容识别的类型 / the type the bytes are, never the client's claim") String contentType,
        @Schema(description = "清除元数据后的大小 / size after metadata was removed") long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt,
        @Schema(description = "已随工单转至12345 / taken onto the call's 12345 ticket") boolean forwardedToTicket,
        String href) {

    static CallAttachmentView of(CallAttachments.Stored s) {
        CallAttachment a = s.attachment();
        return new CallAttachmentView(a.id, s.callNumber(), a.fileName, a.contentType, a.sizeBytes, a.sha256,
                a.uploadedBy, a.uploadedAt, a.forwardedAt != null,
                "/api/calls/" + a.callId + "/attachments/" + a.id);
    }
}

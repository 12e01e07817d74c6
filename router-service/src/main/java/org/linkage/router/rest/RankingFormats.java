package org.linkage.router.rest;

import org.linkage.router.service.RankingReports;
import org.linkage.router.service.RankingService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The ranking report as a spreadsheet (CSV) and as a printable page (HTML), Chinese first. */
final class RankingFormats {
    static final String CSV = "text/csv";
    /** Excel reads a CSV as the machine's legacy code page unless it starts with a byte-order mark. */
    static final String BOM = "\uFEFF";

    private static final String[] HEADER = {"层级", "名次", "单位代码", "单位名称", "派单数", "按时签收", "按期办结", "回访数",
            "已解决", "满意", "按时签收率", "按期办结率", "解决率", "满意率", "综合得分", "申诉核减", "申诉数", "申诉成立",
            "申诉不成立", "申诉待审"};
    private static final String[] HEADER_EN = {"Tier", "Rank", "Unit code", "Unit", "Dispatched", "Signed on time",
            "Closed on time", "Called back", "Solved", "Satisfied", "On-time sign rate", "On-time close rate",
            "Resolution rate", "Satisfaction rate", "Score", "Excluded by appeal", "Appeals", "Appeals accepted",
            "Appeals rejected", "Appeals pending"};

    private RankingFormats() {
    }

    static String csv(RankingService.Report report) {
        return csv(report, HEADER);
    }

    /** A published report: the same table, each heading in Chinese with its English beside it. */
    static String csv(RankingReports.Published published) {
        String[] header = new String[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            header[i] = HEADER[i] + " " + HEADER_EN[i];
        }
        return csv(published.report(), header);
    }

    private static String csv(RankingService.Report report, String[] header) {
        StringBuilder out = new StringBuilder(BOM);
        out.append(String.join(",", header)).append("\r\n");
        for (RankingService.Tier tier : report.tiers()) {
            for (RankingService.Row r : tier.rows()) {
                Object[] cells = {tier.nameZh(), r.rank(), r.unitCode(), r.nameZh(), r.dispatched(), r.signedOnTime(),
                        r.closedOnTime(), r.calledBack(), r.solved(), r.satisfied(), r.signOnTimeRate(),
                        r.closeOnTimeRate(), r.resolutionRate(), r.satisfactionRate(), r.score(), r.excludedByAppeal(),
                        r.appealsFiled(), r.appealsAccepted(), r.appealsRejected(), r.appealsPending()};
                for (int i = 0; i < cells.length; i++) {
                    out.append(i == 0 ? "" : ",").append(cell(cells[i]));
                }
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    static String html(RankingService.Report report) {
        return html(report, null);
    }

    /** A published report: the table as published, with its version, who published it and when. */
    static String html(RankingReports.Published p) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(p.report().zone()));
        String line = "<p class=\"meta\">月度通报第 " + p.version() + " 版（Published report, version " + p.version()
                + (p.latest() ? "" : "，已被新版本取代 / superseded") + "）· 发布人 " + esc(p.publishedBy())
                + " · 发布于 " + esc(at.format(p.publishedAt()))
                + (p.reason() == null ? "" : " · 重新发布理由 / reason: " + esc(p.reason())) + "</p>";
        return html(p.report(), line);
    }

    private static String html(RankingService.Report report, String publication) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(report.zone()));
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <title>%1$s 考核排名 · Monthly ranking</title>
                <style>
                body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#111}
                h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
                table{border-collapse:collapse;width:100%%;font-size:.85em}
                th,td{border:1px solid #888;padding:.25em .4em;text-align:right}
                th{background:#eee}td.name{text-align:left}
                .meta{color:#444;font-size:.85em}
                @page{size:A4 landscape;margin:12mm}
                @media print{body{margin:0}h2{page-break-before:auto}tr{page-break-inside:avoid}}
                </style></head><body>
                <h1>%1$s 12345热线承办单位考核排名 <small>Monthly ranking of units</small></h1>
                """.formatted(esc(report.month())));
        h.append("<p class=\"meta\">统计期间 ").append(esc(at.format(report.from()))).append(" 至 ")
                .append(esc(at.format(report.to()))).append("（").append(esc(report.zone())).append("，按受理时间）· 生成于 ")
                .append(esc(at.format(report.generatedAt()))).append("</p>");
        if (publication != null) {
            h.append(publication);
        }
        h.append("<p class=\"meta\">综合得分 = 按时签收率 × ").append(pct(report.weights().signOnTime()))
                .append(" + 按期办结率 × ").append(pct(report.weights().closeOnTime()))
                .append(" + 解决率 × ").append(pct(report.weights().resolution()))
                .append(" + 满意率 × ").append(pct(report.weights().satisfaction()))
                .append("（无回访的比率不计，其权重按比例分配给其余比率）；申诉成立的工单不计入该单位。</p>");
        for (RankingService.Tier tier : report.tiers()) {
            h.append("<h2>").append(esc(tier.nameZh())).append(" <small>").append(esc(tier.tier().name()))
                    .append("</small></h2>");
            if (tier.rows().isEmpty()) {
                h.append("<p>本月无工单 / no tickets this month</p>");
                continue;
            }
            h.append("<table><thead><tr>");
            for (int i = 1; i < HEADER.length; i++) {
                h.append("<th>").append(HEADER[i]);
                if (publication != null) {
                    h.append("<br><small>").append(HEADER_EN[i]).append("</small>");
                }
                h.append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (RankingService.Row r : tier.rows()) {
                h.append("<tr><td>").append(r.rank() == null ? "—" : r.rank()).append("</td><td class=\"name\">")
                        .append(esc(r.unitCode())).append("</td><td class=\"name\">").append(esc(r.nameZh()))
                        .append("</td>");
                Object[] cells = {r.dispatched(), r.signedOnTime(), r.closedOnTime(), r.calledBack(), r.solved(),
                        r.satisfied(), percent(r.signOnTimeRate()), percent(r.closeOnTimeRate()),
                        percent(r.resolutionRate()), percent(r.satisfactionRate()), r.score() == null ? "—" : r.score(),
                        r.excludedByAppeal(), r.appealsFiled(), r.appealsAccepted(), r.appealsRejected(),
                        r.appealsPending()};
                for (Object c : cells) {
                    h.append("<td>").append(esc(String.valueOf(c))).append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</tbody></table>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%";
    }

    private static String pct(BigDecimal weight) {
        return weight.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal b ? b.toPlainString() : v.toString();
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

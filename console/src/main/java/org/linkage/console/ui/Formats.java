package org.linkage.console.ui;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.linkage.console.view.Hotspot;
import org.linkage.console.view.StatisticsRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What templates call to show a value: {@code {m:key}} a word in the person's language, {@code {fmt:time(x)}} an
 * instant as Asia/Shanghai local time on a 24-hour clock, {@code {fmt:label('status', x)}} a code's name.
 */
public final class Formats {
    static final ZoneId ZONE = ZoneId.of(System.getProperty("linkage.console.zone",
            System.getenv().getOrDefault("LINKAGE_CONSOLE_ZONE", "Asia/Shanghai")));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Formats() {
    }

    public static ZoneId zone() {
        return ZONE;
    }

    /** The signed-in person and their language, in every template as {@code ui}. */
    @TemplateGlobal(name = "ui")
    static Ui ui() {
        return Ui.current();
    }

    @TemplateExtension(namespace = "m", matchName = TemplateExtension.ANY)
    static String message(String key) {
        return Ui.current().t(key);
    }

    @TemplateExtension(namespace = "fmt")
    static String label(String group, Object code) {
        return Messages.label(Ui.current().lang(), group, code);
    }

    /** Shanghai local time, minutes, 24 h; blank for no value. */
    @TemplateExtension(namespace = "fmt")
    static String time(Object value) {
        Instant at = instant(value);
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    /** The value of a {@code datetime-local} input (Shanghai time). */
    @TemplateExtension(namespace = "fmt")
    static String inputTime(Object value) {
        Instant at = instant(value);
        return at == null ? "" : INPUT.format(at.atZone(ZONE));
    }

    /** Overdue, due within {@code hours}, or neither: a word for the row, never colour alone. */
    @TemplateExtension(namespace = "fmt")
    static String urgencyOf(Object deadline, Object status) {
        Instant at = instant(deadline);
        if (at == null || status == null || !Map.of("DISPATCHED", 1, "SIGNED", 1, "IN_PROGRESS", 1).containsKey(status.toString())) {
            return "";
        }
        Instant now = Instant.now();
        if (now.isAfter(at)) {
            return "overdue";
        }
        return now.plusSeconds(4 * 3600).isAfter(at) ? "soon" : "";
    }

    /**
     * A rate as a percentage; "—" for none and for what is not a finite number (a double NaN reaches the console as
     * the string "NaN"): a formatter never fails a page, whose 400 would read as the person's mistake.
     */
    @TemplateExtension(namespace = "fmt")
    static String percent(Object rate) {
        if (rate == null || rate instanceof Double d && !Double.isFinite(d) || rate instanceof Float f && !Float.isFinite(f)) {
            return "—";
        }
        BigDecimal r;
        try {
            r = new BigDecimal(rate.toString().strip());
        } catch (NumberFormatException notANumber) {
            return "—";
        }
        return r.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A name in the person's language from a record carrying {@code nameZh} and {@code nameEn}. */
    @TemplateExtension(namespace = "fmt")
    static String name(Object record) {
        if (record instanceof org.linkage.console.client.Named n) {
            return name(n.nameZh(), n.nameEn(), n.code());
        }
        if (!(record instanceof Map<?, ?> m)) {
            return record == null ? "" : record.toString();
        }
        return name(m.get("nameZh"), m.get("nameEn"), m.get("code"));
    }

    private static String name(Object zh, Object en, Object code) {
        if ("en".equals(Ui.current().lang()) && en != null) {
            return en.toString();
        }
        return zh != null ? zh.toString() : en != null ? en.toString() : String.valueOf(code);
    }

    /** A category's name as intake names it, in the person's language. */
    @TemplateExtension(namespace = "fmt")
    static String category(Object code) {
        if (code == null) {
            return "";
        }
        org.linkage.console.client.Category c = io.quarkus.arc.Arc.container()
                .instance(org.linkage.console.rest.Reference.class).get()
                .categoriesByCode().get(code.toString());
        return c == null ? code.toString() : name(c);
    }

    /** A statistics row's key as a name: a unit, district or category by its owner's name; a period as is. */
    @TemplateExtension(namespace = "fmt")
    static String groupName(String groupBy, Object key) {
        if (key == null) {
            return "—";
        }
        org.linkage.console.rest.Reference ref = io.quarkus.arc.Arc.container()
                .instance(org.linkage.console.rest.Reference.class).get();
        Object named = switch (groupBy) {
            case "department" -> ref.departmentsByCode().get(key.toString());
            case "district" -> ref.districtsByCode().get(key.toString());
            case "category" -> ref.categoriesByCode().get(key.toString());
            default -> null;
        };
        return named == null ? key.toString() : name(named);
    }

    /**
     * The figures for the charts as JSON inside a {@code <script type="application/json">}: names resolved here,
     * and {@code <} escaped so no text in the data can close the script element.
     */
    @TemplateExtension(namespace = "fmt")
    static io.quarkus.qute.RawString json(java.util.List<StatisticsRow> rows, java.util.List<StatisticsRow> trend,
                                          java.util.List<Hotspot> hotspots, String groupBy) {
        String lang = Ui.current().lang();
        ChartData data = new ChartData(lang,
                new ChartLabels(Messages.text(lang, "signed_on_time_rate"), Messages.text(lang, "closed_on_time_rate"),
                        Messages.text(lang, "resolution_rate"), Messages.text(lang, "satisfaction_rate"),
                        Messages.text(lang, "received"), Messages.text(lang, "overdue")),
                rows.stream().map(r -> new NamedRow(r, groupName(groupBy, r.key()))).toList(),
                trend,
                hotspots.stream().map(h -> new NamedHotspot(h, groupName("district", h.districtCode()),
                        category(h.categoryCode()))).toList());
        try {
            String text = JSON.writeValueAsString(data).replace("<", "\\u003c");
            return new io.quarkus.qute.RawString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What statistics.js draws: the table's rows by name, the trend, the hotspots named, the series' labels. */
    record ChartData(String lang, ChartLabels labels, java.util.List<NamedRow> rows, java.util.List<StatisticsRow> trend,
                     java.util.List<NamedHotspot> hotspots) {
    }

    record ChartLabels(String signed, String closed, String resolution, String satisfaction, String received,
                       String overdue) {
    }

    /** A row's figures as the router gave them, and its key's name. */
    record NamedRow(@JsonUnwrapped StatisticsRow row, String name) {
    }

    record NamedHotspot(@JsonUnwrapped Hotspot hotspot, String districtName, String categoryName) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The codes of a kind, in the order forms list them. */
    @TemplateExtension(namespace = "fmt")
    static java.util.List<String> codes(String group) {
        return Codes.of(group);
    }

    static Instant instant(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        String s = value.toString();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A {@code datetime-local} value typed in Shanghai time, as an instant. */
    public static Instant fromInput(String value) {
        return java.time.LocalDateTime.parse(value, INPUT).atZone(ZONE).toInstant();
    }
}

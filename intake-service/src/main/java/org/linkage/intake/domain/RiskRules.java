package org.linkage.intake.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Early warnings (风险预警) from a caller's history on both lines: the patterns by which a dispute is seen to be
 * escalating (Chengdu's police used linked 110 and 12345 data this way). The rules are data
 * ({@code risk/rules.csv}); this class only knows what each {@link RiskKind} means. "The same matter" is the same
 * category: a caller's two noise complaints are one matter, a noise complaint and a wage claim are two.
 */
public final class RiskRules {
    private final List<RiskRule> rules;

    public RiskRules(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> codes = new LinkedHashSet<>();
        for (RiskRule rule : this.rules) {
            if (!codes.add(rule.code())) {
                throw new IllegalArgumentException("rule code twice: " + rule.code());
            }
        }
    }

    public List<RiskRule> rules() {
        return rules;
    }

    /** How far back the history must reach for every rule to see what it needs. */
    public Duration lookBack() {
        return rules.stream().map(RiskRule::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * Reads {@code code,kind,window_days,min_count,words,label_zh,label_en}: words separated by {@code |}, the
     * English label last so it may hold commas; {@code #} starts a comment line.
     */
    public static RiskRules read(InputStream csv) {
        List<RiskRule> rules = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("code,")) {
                    continue;
                }
                String[] f = trimmed.split(",", 7);
                if (f.length != 7) {
                    throw new IllegalArgumentException("risk rules line " + number + ": 7 fields expected");
                }
                try {
                    List<String> words = f[4].isBlank() ? List.of()
                            : Arrays.stream(f[4].split("\\|")).map(String::strip).filter(w -> !w.isEmpty()).toList();
                    rules.add(new RiskRule(f[0].strip(), RiskKind.valueOf(f[1].strip()),
                            Duration.ofDays(Long.parseLong(f[2].strip())), Integer.parseInt(f[3].strip()), words,
                            f[5].strip(), f[6].strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("risk rules line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RiskRules(rules);
    }

    /**
     * The warnings for a call, in the order of the rules.
     *
     * @param tickets the caller's 12345 tickets, or null when 12345 could not be asked: rules that need them then
     *                judge on the 110 calls alone
     */
    public List<RiskWarning> evaluate(CallerHistory.Current call, List<CallerHistory.EarlierCall> calls,
                                      List<CallerHistory.EarlierTicket> tickets) {
        List<CallerHistory.EarlierTicket> known = tickets == null ? List.of() : tickets;
        List<RiskWarning> warnings = new ArrayList<>();
        for (RiskRule rule : rules) {
            Instant since = call.asOf().minus(rule.window());
            List<CallerHistory.EarlierCall> inWindow = calls.stream()
                    .filter(c -> !c.receivedAt().isBefore(since) && !c.receivedAt().isAfter(call.asOf())).toList();
            List<CallerHistory.EarlierTicket> ticketsInWindow = known.stream()
                    .filter(t -> !t.createdAt().isBefore(since) && !t.createdAt().isAfter(call.asOf())).toList();
            RiskWarning warning = switch (rule.kind()) {
                case REPEAT_CALLS -> repeat(rule, call, inWindow, ticketsInWindow);
                case POLICE_ATTENDED -> policeAttended(rule, call, inWindow, ticketsInWindow);
                case REOPENED_UNSATISFIED -> reopened(rule, call, ticketsInWindow);
                case THREAT_WORDS -> threat(rule, inWindow);
            };
            if (warning != null) {
                warnings.add(warning);
            }
        }
        return warnings;
    }

    private static RiskWarning repeat(RiskRule rule, CallerHistory.Current call, List<CallerHistory.EarlierCall> calls,
                                      List<CallerHistory.EarlierTicket> tickets) {
        if (call.categoryCode() == null) {
            return null;
        }
        List<String> evidence = new ArrayList<>();
        calls.stream().filter(c -> call.categoryCode().equals(c.categoryCode()))
                .forEach(c -> evidence.add(c.callNumber()));
        // A ticket that came from a 110 call is that call again; only a contact straight to 12345 adds one.
        tickets.stream().filter(t -> t.callNumber() == null && call.categoryCode().equals(t.categoryCode()))
                .forEach(t -> evidence.add(t.ticketNumber()));
        int contacts = evidence.size() + 1;
        if (contacts < rule.minCount()) {
            return null;
        }
        long days = rule.window().toDays();
        return warning(rule, evidence, days + "天内同一事项第" + contacts + "次来电 / contact " + contacts
                + " on the same matter within " + days + " days");
    }

    private static RiskWarning policeAttended(RiskRule rule, CallerHistory.Current call,
                                              List<CallerHistory.EarlierCall> calls,
                                              List<CallerHistory.EarlierTicket> tickets) {
        if (!"NON_POLICE".equals(call.disposition()) || call.categoryCode() == null) {
            return null;
        }
        List<String> evidence = new ArrayList<>();
        for (CallerHistory.EarlierCall c : calls) {
            boolean sameMatter = call.categoryCode().equals(c.categoryCode())
                    // a police call carries a police category; the same caller's police call in the same district is
                    // taken to be about the same dispute
                    || ("POLICE".equals(c.disposition()) && call.districtCode() != null
                    && call.districtCode().equals(c.districtCode()));
            if (sameMatter && c.policeAttended()) {
                evidence.add(c.callNumber());
            }
        }
        tickets.stream().filter(t -> t.handedToPolice() && call.categoryCode().equals(t.categoryCode()))
                .forEach(t -> evidence.add(t.ticketNumber()));
        if (evidence.size() < rule.minCount()) {
            return null;
        }
        return warning(rule, evidence, "此前已有" + evidence.size() + "次警情出警 / police attended "
                + evidence.size() + " time(s) before");
    }

    private static RiskWarning reopened(RiskRule rule, CallerHistory.Current call,
                                        List<CallerHistory.EarlierTicket> tickets) {
        if (call.categoryCode() == null) {
            return null;
        }
        List<String> evidence = tickets.stream()
                .filter(t -> t.reopenedCount() > 0 && call.categoryCode().equals(t.categoryCode()))
                .map(CallerHistory.EarlierTicket::ticketNumber).toList();
        if (evidence.size() < rule.minCount()) {
            return null;
        }
        return warning(rule, evidence, "工单回访不满意后重办 / ticket(s) reopened after an unsatisfied call-back: "
                + String.join(", ", evidence));
    }

    private static RiskWarning threat(RiskRule rule, List<CallerHistory.EarlierCall> calls) {
        List<String> evidence = new ArrayList<>();
        Set<String> heard = new LinkedHashSet<>();
        for (CallerHistory.EarlierCall c : calls) {
            String text = c.content() == null ? "" : c.content().toLowerCase(Locale.ROOT);
            List<String> found = rule.words().stream().filter(w -> text.contains(w.toLowerCase(Locale.ROOT))).toList();
            if (!found.isEmpty()) {
                evidence.add(c.callNumber());
                heard.addAll(found);
            }
        }
        if (evidence.size() < rule.minCount()) {
            return null;
        }
        return warning(rule, evidence, "此前来电出现威胁言语：" + String.join("、", heard) + " / words of threat in an"
                + " earlier call: " + String.join(", ", heard));
    }

    private static RiskWarning warning(RiskRule rule, List<String> evidence, String detail) {
        return new RiskWarning(rule.code(), rule.kind(), rule.labelZh(), rule.labelEn(),
                evidence.stream().filter(Objects::nonNull).distinct().toList(), detail);
    }
}

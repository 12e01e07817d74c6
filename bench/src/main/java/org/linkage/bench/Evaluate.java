package org.linkage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linkage.intake.classification.Category;
import org.linkage.intake.classification.Classification;
import org.linkage.intake.classification.Classifier;
import org.linkage.intake.classification.Classifiers;
import org.linkage.intake.classification.Csv;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.classification.Taxonomy;

/**
 * Evaluation command: {@code Evaluate FILE.csv [--errors] [--model ARTEFACT]} ({@code --model}: another domain-model
 * artefact than the shipped one, e.g. the twin ModelTrainer trains without the held-out slice;
 * {@code --danger-model}, {@code --invalid-model}: other artefacts of those models, e.g. a cross-validation fold's from
 * {@code ModelTrainer --set-folds};
 * {@code --without-danger-model}: the cue lexicon alone decides danger, to see what the danger model adds). The CSV has a header with {@code text}, {@code label} and
 * optionally {@code title}. A label is a disposition (POLICE, JOINT, NON_POLICE, INVALID) or a citizen-message domain
 * (城乡建设 ...); for domains the predicted category's domain is compared (police categories count as 公安, OTHER as
 * 其他). The last line of the output is always the one-line summary.
 */
public final class Evaluate {

    static final String POLICE_DOMAIN = "公安";
    static final String NO_DOMAIN = "其他";

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Evaluate FILE.csv [--errors] [--model DOMAIN-MODEL.bin.gz] [--danger-model DANGER-MODEL.bin.gz] [--invalid-model INVALID-MODEL.bin.gz] [--without-danger-model]   (columns: text, label, optional title)");
            System.exit(2);
        }
        boolean showErrors = Arrays.asList(args).contains("--errors");
        List<Csv.Row> rows = Csv.read(Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8));
        Classifier classifier = Classifiers.forMeasuring(artefact(args, "--model"),
                !Arrays.asList(args).contains("--without-danger-model"), artefact(args, "--danger-model"),
                artefact(args, "--invalid-model"));
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Report report = evaluate(rows, classifier, taxonomy, showErrors ? System.out::println : line -> { });
        System.out.println("file " + args[0]);
        System.out.print(report.render());
    }

    /** The artefact named after {@code option}, or null (the shipped one) when the option is not given. */
    private static byte[] artefact(String[] args, String option) throws IOException {
        int i = Arrays.asList(args).indexOf(option);
        return i < 0 || i + 1 >= args.length ? null : Files.readAllBytes(Path.of(args[i + 1]));
    }

    /** Everything the command prints, computed once so tests can check the figures. */
    public record Report(boolean dispositions, List<String> classes, int[][] confusion, Set<String> labelled,
                         int n, double accuracy, double macroF1, Double policeRecall, Double diversion, String modelVersion) {

        /**
         * Every disposition's recall on one line, plus INVALID precision (a dismissed emergency is the costly
         * INVALID error), e.g. {@code recall POLICE=0.98 JOINT=0.85 NON_POLICE=0.92 INVALID=0.80 invalid_precision=1.00};
         * {@code -} for a disposition with no labelled rows. Null for a file of domain labels.
         */
        public String recallLine() {
            if (!dispositions) {
                return null;
            }
            StringBuilder line = new StringBuilder("recall");
            for (Disposition d : List.of(Disposition.POLICE, Disposition.JOINT, Disposition.NON_POLICE, Disposition.INVALID)) {
                int c = classes.indexOf(d.name());
                line.append(' ').append(d.name()).append('=')
                        .append(c < 0 || support(confusion, c) == 0 ? "-" : figure(prf(confusion, c)[1]));
            }
            int invalid = classes.indexOf(Disposition.INVALID.name());
            int predictedInvalid = 0;
            if (invalid >= 0) {
                for (int[] row : confusion) {
                    predictedInvalid += row[invalid];
                }
            }
            line.append(" invalid_precision=").append(predictedInvalid == 0 ? "-" : figure(prf(confusion, invalid)[0]));
            return line.toString();
        }

        public String summary() {
            return String.format(Locale.ROOT, "n=%d accuracy=%.4f macro_f1=%.4f police_recall=%s diversion=%s",
                    n, accuracy, macroF1, figure(policeRecall), figure(diversion));
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append("classifier ").append(modelVersion).append('\n');
            out.append("labels ").append(dispositions ? "dispositions" : "domains (predicted category's domain; police categories = 公安, OTHER = 其他)").append('\n');
            out.append(String.format(Locale.ROOT, "accuracy %.4f (%d rows)%n%n", accuracy, n));
            out.append(String.format(Locale.ROOT, "%s %9s %9s %9s %8s%n", pad("class"), "precision", "recall", "f1", "support"));
            for (int c = 0; c < classes.size(); c++) {
                double[] prf = prf(confusion, c);
                out.append(String.format(Locale.ROOT, "%s %9.4f %9.4f %9.4f %8d%n", pad(classes.get(c)), prf[0], prf[1], prf[2], support(confusion, c)));
            }
            out.append(String.format(Locale.ROOT, "macro-F1 %.4f (mean over the %d labelled classes)%n%n", macroF1, labelled.size()));
            out.append("confusion matrix (rows = label, columns = predicted)\n");
            out.append(pad("    "));
            for (int c = 0; c < classes.size(); c++) {
                out.append(String.format("%7s", "[" + c + "]"));
            }
            out.append('\n');
            for (int r = 0; r < classes.size(); r++) {
                out.append(pad("[" + r + "] " + classes.get(r)));
                for (int c = 0; c < classes.size(); c++) {
                    out.append(String.format("%7d", confusion[r][c]));
                }
                out.append('\n');
            }
            out.append('\n');
            out.append("police recall (POLICE/JOINT rows not classified NON_POLICE or INVALID): ").append(figure(policeRecall)).append('\n');
            out.append("diversion (NON_POLICE rows classified NON_POLICE): ").append(figure(diversion)).append('\n');
            if (dispositions) {
                out.append(recallLine()).append('\n');
            }
            out.append(summary()).append('\n');
            return out.toString();
        }
    }

    /** Feeds each misclassified row to {@code errors}. */
    public static Report evaluate(List<Csv.Row> rows, Classifier classifier, Taxonomy taxonomy, java.util.function.Consumer<String> errors) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows");
        }
        if (rows.get(0).get("text") == null || rows.get(0).get("label") == null) {
            throw new IllegalArgumentException("the CSV needs the header columns text and label");
        }
        boolean dispositions = isDisposition(rows.get(0).get("label").strip());
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        int police = 0;
        int policeKept = 0;
        int nonPolice = 0;
        int nonPoliceDiverted = 0;
        String version = "";
        for (Csv.Row row : rows) {
            String label = row.get("label").strip();
            if (isDisposition(label) != dispositions) {
                throw new IllegalArgumentException("line " + row.line() + ": label " + label
                        + " mixes dispositions and domains in one file");
            }
            Classification result = classifier.classify(row.get("title"), row.get("text"));
            version = result.modelVersion();
            Disposition d = result.disposition();
            String guess = dispositions ? d.name() : domainOf(result.categoryCode(), taxonomy);
            gold.add(label);
            predicted.add(guess);
            if (dispositions) {
                if (label.equals("POLICE") || label.equals("JOINT")) {
                    police++;
                    if (d != Disposition.NON_POLICE && d != Disposition.INVALID) {
                        policeKept++;
                    }
                } else if (label.equals("NON_POLICE")) {
                    nonPolice++;
                    if (d == Disposition.NON_POLICE) {
                        nonPoliceDiverted++;
                    }
                }
            }
            if (!guess.equals(label)) {
                errors.accept("MISS label=" + label + " predicted=" + guess + " " + result.categoryCode() + " "
                        + result.signals() + " | " + abbreviate(row.get("title")) + " | " + abbreviate(row.get("text")));
            }
        }
        Set<String> labelled = new LinkedHashSet<>(gold);
        Set<String> all = new LinkedHashSet<>(labelled);
        all.addAll(predicted);
        List<String> classes = new ArrayList<>(all);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int[][] confusion = new int[classes.size()][classes.size()];
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            confusion[index.get(gold.get(i))][index.get(predicted.get(i))]++;
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        double f1Sum = 0;
        for (String label : labelled) {
            f1Sum += prf(confusion, index.get(label))[2];
        }
        return new Report(dispositions, classes, confusion, labelled, gold.size(), correct / (double) gold.size(),
                f1Sum / labelled.size(), police == 0 ? null : policeKept / (double) police,
                nonPolice == 0 ? null : nonPoliceDiverted / (double) nonPolice, version);
    }

    static String domainOf(String categoryCode, Taxonomy taxonomy) {
        Category category = taxonomy.byCode(categoryCode).orElse(null);
        if (category == null) {
            return NO_DOMAIN;
        }
        if (category.police()) {
            return POLICE_DOMAIN;
        }
        return category.domain() == null ? NO_DOMAIN : category.domain();
    }

    private static boolean isDisposition(String label) {
        return Arrays.stream(Disposition.values()).anyMatch(d -> d.name().equals(label));
    }

    static double[] prf(int[][] confusion, int c) {
        int tp = confusion[c][c];
        int fp = 0;
        int fn = 0;
        for (int k = 0; k < confusion.length; k++) {
            if (k != c) {
                fp += confusion[k][c];
                fn += confusion[c][k];
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    private static int support(int[][] confusion, int c) {
        return Arrays.stream(confusion[c]).sum();
    }

    private static String figure(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Chinese characters are two columns wide; pad by display width so the table lines up. */
    private static String pad(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); i++) {
            width += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return s + " ".repeat(Math.max(0, 18 - width));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}

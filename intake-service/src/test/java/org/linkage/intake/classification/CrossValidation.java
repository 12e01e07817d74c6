package org.linkage.intake.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stratified k-fold cross-validation of the domain model on the training part of the citizen messages (the fixed
 * held-out 15 % is never touched), so hyper-parameters are chosen on five splits instead of one split's luck.
 * Reports the whole classifier's domain macro-F1 per fold and the mean. Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes org.linkage.intake.classification.CrossValidation title=3 [heldout]};
 * {@code heldout} trains on the whole training part and scores the fixed held-out 15 % instead; {@code all} folds every
 * row (the held-out 15 % too): the estimate for the shipped model, which trains on all of them. Parameters are chosen
 * without {@code all}, so the held-out 15 % never guides a choice.
 */
public final class CrossValidation {

    static final int FOLDS = ModelTrainer.CROSS_VALIDATION_FOLDS;
    static final long FOLD_SEED = ModelTrainer.CROSS_VALIDATION_SEED;

    private CrossValidation() {
    }

    public static void main(String[] args) {
        ModelTrainer.Params p = ModelTrainer.Params.defaults();
        boolean heldOut = false;
        boolean everyRow = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            String x = kv.length > 1 ? kv[1] : "";
            p = switch (kv[0]) {
                case "title" -> new ModelTrainer.Params(Float.parseFloat(x), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs());
                case "maxN" -> new ModelTrainer.Params(p.titleWeight(), Integer.parseInt(x), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs());
                case "minDf" -> new ModelTrainer.Params(p.titleWeight(), p.maxN(), Integer.parseInt(x), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs());
                case "epochs" -> new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), Integer.parseInt(x), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs());
                case "lr" -> new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), Double.parseDouble(x), p.l2(), p.balanced(), p.temperature(), p.runs());
                case "l2" -> new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), Double.parseDouble(x), p.balanced(), p.temperature(), p.runs());
                case "balanced" -> new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), Boolean.parseBoolean(x), p.temperature(), p.runs());
                case "runs" -> new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), Integer.parseInt(x));
                case "heldout" -> {
                    heldOut = true;
                    yield p;
                }
                case "all" -> {
                    everyRow = true;
                    yield p;
                }
                default -> throw new IllegalArgumentException(a);
            };
        }
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Cues cues = Cues.loadDefault();
        ModelTrainer.Split split = ModelTrainer.split(ModelTrainer.readCitizenMessages(ModelTrainer.locateCitizenMessages()),
                ModelTrainer.SEED, ModelTrainer.HELD_OUT);
        List<ModelTrainer.Example> calls = ModelTrainer.callExamples(taxonomy);
        StringBuilder line = new StringBuilder(p.toString());
        if (heldOut) {
            List<ModelTrainer.Example> train = new ArrayList<>(split.train());
            train.addAll(calls);
            DomainModel model = ModelTrainer.train(train, taxonomy.domains(), p);
            line.append(String.format(" heldout=%.4f", macroF1(new SafetyFirstClassifier(taxonomy, cues, model), taxonomy, split.heldOut())));
            Classifier modelOnly = (title, text) -> {
                double[] pr = model.predict(TextNormalizer.normalize(title), TextNormalizer.normalize(text));
                int best = 0;
                for (int d = 1; d < pr.length; d++) {
                    best = pr[d] > pr[best] ? d : best;
                }
                String domain = model.domains().get(best);
                return new Classification(Disposition.NON_POLICE, taxonomy.ofDomain(domain).get(0).code(), pr[best], List.of(), "");
            };
            line.append(String.format(" modelOnly=%.4f", macroF1(modelOnly, taxonomy, split.heldOut())));
            System.out.println(line);
            return;
        }
        List<ModelTrainer.Example> rows = new ArrayList<>(split.train());
        if (everyRow) {
            rows.addAll(split.heldOut());
        }
        List<List<ModelTrainer.Example>> folds = ModelTrainer.folds(rows, FOLDS, FOLD_SEED);
        double sum = 0;
        for (int k = 0; k < FOLDS; k++) {
            List<ModelTrainer.Example> train = new ArrayList<>();
            for (int j = 0; j < FOLDS; j++) {
                if (j != k) {
                    train.addAll(folds.get(j));
                }
            }
            train.addAll(calls);
            DomainModel model = ModelTrainer.train(train, taxonomy.domains(), p);
            double f1 = macroF1(new SafetyFirstClassifier(taxonomy, cues, model), taxonomy, folds.get(k));
            sum += f1;
            line.append(String.format(" %.4f", f1));
        }
        line.append(String.format(" mean=%.4f", sum / FOLDS));
        System.out.println(line);
    }

    /** Domain macro-F1 of the whole classifier (a police or OTHER answer counts as a miss), as Evaluate computes it. */
    static double macroF1(Classifier classifier, Taxonomy taxonomy, List<ModelTrainer.Example> rows) {
        List<String> domains = taxonomy.domains();
        int[] tp = new int[domains.size()];
        int[] fp = new int[domains.size()];
        int[] fn = new int[domains.size()];
        for (ModelTrainer.Example e : rows) {
            String code = classifier.classify(e.title(), e.text()).categoryCode();
            String predicted = taxonomy.byCode(code).map(Category::domain).orElse(null);
            int gold = domains.indexOf(e.label());
            int guess = predicted == null ? -1 : domains.indexOf(predicted);
            if (guess == gold) {
                tp[gold]++;
            } else {
                fn[gold]++;
                if (guess >= 0) {
                    fp[guess]++;
                }
            }
        }
        double f1 = 0;
        for (int c = 0; c < domains.size(); c++) {
            double pr = tp[c] / (double) Math.max(1, tp[c] + fp[c]);
            double r = tp[c] / (double) Math.max(1, tp[c] + fn[c]);
            f1 += pr + r == 0 ? 0 : 2 * pr * r / (pr + r);
        }
        return f1 / domains.size();
    }
}

package org.linkage.intake.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified k-fold cross-validation of the domain model on the training part of the citizen messages (the fixed
 * held-out 15 % is never touched), so hyper-parameters are chosen on five splits instead of one split's luck.
 * Reports the whole classifier's domain macro-F1 per fold and the mean. Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes org.linkage.intake.classification.CrossValidation l2=3e-5 epochs=20}.
 */
public final class CrossValidation {

    static final int FOLDS = 5;
    static final long FOLD_SEED = 20_201_110L;

    private CrossValidation() {
    }

    public static void main(String[] args) {
        ModelTrainer.Params p = ModelTrainer.Params.defaults();
        boolean heldOut = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "title" -> p = new ModelTrainer.Params(Float.parseFloat(kv[1]), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs(), p.solver(), p.cost());
                case "maxN" -> p = new ModelTrainer.Params(p.titleWeight(), Integer.parseInt(kv[1]), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs(), p.solver(), p.cost());
                case "minDf" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), Integer.parseInt(kv[1]), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs(), p.solver(), p.cost());
                case "epochs" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), Integer.parseInt(kv[1]), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs(), p.solver(), p.cost());
                case "lr" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), Double.parseDouble(kv[1]), p.l2(), p.balanced(), p.temperature(), p.runs(), p.solver(), p.cost());
                case "l2" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), Double.parseDouble(kv[1]), p.balanced(), p.temperature(), p.runs(), p.solver(), p.cost());
                case "balanced" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), Boolean.parseBoolean(kv[1]), p.temperature(), p.runs(), p.solver(), p.cost());
                case "runs" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), Integer.parseInt(kv[1]), p.solver(), p.cost());
                case "solver" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs(), kv[1], p.cost());
                case "C" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), p.temperature(), p.runs(), p.solver(), Double.parseDouble(kv[1]));
                case "temp" -> p = new ModelTrainer.Params(p.titleWeight(), p.maxN(), p.minDf(), p.epochs(), p.learningRate(), p.l2(), p.balanced(), Float.parseFloat(kv[1]), p.runs(), p.solver(), p.cost());
                case "heldout" -> heldOut = true;
                default -> throw new IllegalArgumentException(a);
            }
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
            System.out.println(line);
            return;
        }
        List<List<ModelTrainer.Example>> folds = folds(split.train());
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

    static List<List<ModelTrainer.Example>> folds(List<ModelTrainer.Example> all) {
        Map<String, List<ModelTrainer.Example>> byLabel = new TreeMap<>();
        for (ModelTrainer.Example e : all) {
            byLabel.computeIfAbsent(e.label(), x -> new ArrayList<>()).add(e);
        }
        List<List<ModelTrainer.Example>> folds = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(FOLD_SEED);
        for (List<ModelTrainer.Example> group : byLabel.values()) {
            group.sort(Comparator.comparing(ModelTrainer.Example::id).thenComparing(ModelTrainer.Example::text));
            for (int i = group.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                ModelTrainer.Example t = group.get(i);
                group.set(i, group.get(j));
                group.set(j, t);
            }
            for (int i = 0; i < group.size(); i++) {
                folds.get(i % FOLDS).add(group.get(i));
            }
        }
        return folds;
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

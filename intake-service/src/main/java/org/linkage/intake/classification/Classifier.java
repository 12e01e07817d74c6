package org.linkage.intake.classification;

/** Classifies a call's text. Implementations are pure Java, thread-safe and fast (no I/O per call). */
public interface Classifier {
    /** @param title optional subject line (written channels); may be null */
    Classification classify(String title, String text);
}

package org.linkage.console.client;

/** Reference data a person reads by name, in their language (a category, a district). */
public interface Named {
    String code();

    String nameZh();

    String nameEn();
}

package org.linkage.router.domain;

/** When the caller is told about their case by text message (回执). */
public enum ReceiptKind {
    /** The ticket was made: its number and how to follow it. */
    CREATED,
    /** The unit answered: where to read the answer. */
    ANSWERED
}

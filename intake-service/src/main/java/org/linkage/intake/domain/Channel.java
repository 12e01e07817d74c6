package org.linkage.intake.domain;

/** How a matter reached 110. {@code OFFICER_REPORT} is an officer's report from the field (joint handling). */
public enum Channel {
    PHONE, SMS, APP, VIDEO, OFFICER_REPORT
}

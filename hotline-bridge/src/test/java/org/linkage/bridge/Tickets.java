package org.linkage.bridge;

import org.linkage.events.DepartmentRef;
import org.linkage.events.TicketDispatched;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Dispatch events as the router emits them, each with a fresh ticket so tests stay independent. */
public final class Tickets {
    private static final AtomicInteger SEQ = new AtomicInteger(1000);

    private Tickets() {
    }

    public static TicketDispatched dispatched(String departmentCode, String adapter, String endpointUrl) {
        return dispatched(UUID.randomUUID(), nextNumber(), 1, departmentCode, adapter, endpointUrl);
    }

    /** The same dispatch with another category (records are immutable, so rebuild it). */
    public static TicketDispatched withCategory(TicketDispatched t, String categoryCode) {
        return new TicketDispatched(t.ticketId(), t.ticketNumber(), t.version(), t.callId(), t.referralId(), categoryCode,
                t.urgency(), t.content(), t.address(), t.districtCode(), t.latitude(), t.longitude(), t.callerPhone(),
                t.callerName(), t.department(), t.supportingDepartments(), t.signBy(), t.resolveBy(), t.dispatchedAt());
    }

    /** The same dispatch saying how many files the ticket had when it was dispatched (issue 14). */
    public static TicketDispatched withAttachmentCount(TicketDispatched t, Integer attachmentCount) {
        return new TicketDispatched(t.ticketId(), t.ticketNumber(), t.version(), t.callId(), t.referralId(),
                t.categoryCode(), t.urgency(), t.content(), t.address(), t.districtCode(), t.latitude(), t.longitude(),
                t.callerPhone(), t.callerName(), t.department(), t.supportingDepartments(), t.signBy(), t.resolveBy(),
                t.dispatchedAt(), t.retrievalCode(), t.confidential(), t.attributes(), attachmentCount);
    }

    /**
     * The same dispatch marked confidential. The contact is left on on purpose: the bridge must drop it even if the
     * router failed to.
     */
    public static TicketDispatched confidential(TicketDispatched t) {
        return new TicketDispatched(t.ticketId(), t.ticketNumber(), t.version(), t.callId(), t.referralId(),
                t.categoryCode(), t.urgency(), t.content(), t.address(), t.districtCode(), t.latitude(), t.longitude(),
                t.callerPhone(), t.callerName(), t.department(), t.supportingDepartments(), t.signBy(), t.resolveBy(),
                t.dispatchedAt(), t.retrievalCode(), true);
    }

    public static String nextNumber() {
        return "12345-20261128-" + String.format("%06d", SEQ.incrementAndGet()) + (int) (Math.random() * 90 + 10);
    }

    public static TicketDispatched dispatched(UUID ticketId, String number, int version, String departmentCode,
                                              String adapter, String endpointUrl) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new TicketDispatched(ticketId, number, version, UUID.randomUUID(), UUID.randomUUID(), "WAGES", "URGENT",
                "工地拖欠三个月工资 Site owes three months of wages", "武侯区天府大道北段1700号", "510107",
                30.5702, 104.0665, "13812345678", "张三",
                new DepartmentRef(departmentCode, "成都市人力资源和社会保障局", "Chengdu HRSS Bureau", adapter, endpointUrl),
                List.of(new DepartmentRef("510107-GOV", "武侯区人民政府", "Wuhou District Government", "NONE", null)),
                now.plus(1, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS), now);
    }
}

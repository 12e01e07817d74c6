package org.linkage.router.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.security.Actor;
import org.linkage.events.Urgency;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketHistory;
import org.linkage.router.service.DispatchService;
import org.linkage.router.service.TicketDraft;
import org.linkage.router.service.TicketService;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Puts tickets into a given state through the real services (with the identities that would do
 * it), so each REST test exercises exactly one step over HTTP.
 */
@ApplicationScoped
public class Fixtures {
    public static final Actor DISPATCHER = new Actor("dispatcher1", Set.of("dispatcher"), null);
    public static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("supervisor"), null);

    private final DispatchService dispatch;
    private final TicketService tickets;

    public Fixtures(DispatchService dispatch, TicketService tickets) {
        this.dispatch = dispatch;
        this.tickets = tickets;
    }

    public static Actor agent(String unit) {
        return new Actor("agent-" + unit, Set.of("dept-agent"), unit);
    }

    /** A ticket dispatched by the catalogue: WAGES goes to CD-HRSS (with the district's GOV supporting). */
    public Ticket dispatched(String category, String districtCode, String content) {
        return QuarkusTransaction.requiringNew().call(() -> dispatch.create(new TicketDraft(UUID.randomUUID(),
                UUID.randomUUID(), "110-TEST", "110", category, Urgency.NORMAL, content, "成都市测试路1号", districtCode,
                null, null, "13812345678", "张三", null, null), Actor.system("test")));
    }

    /** A confidential (保密) ticket dispatched by the catalogue; WAGES asks the unit to call back. */
    public Ticket dispatchedConfidential(String category, String districtCode, String content) {
        return QuarkusTransaction.requiringNew().call(() -> dispatch.create(new TicketDraft(UUID.randomUUID(),
                UUID.randomUUID(), "110-TEST", "110", category, Urgency.NORMAL, content, "成都市测试路1号", districtCode,
                null, null, "13812345678", "张三", null, null, null, false, true, null, null), Actor.system("test")));
    }

    public Ticket dispatched() {
        return dispatched("WAGES", "510107", "工地老板拖欠工资三个月 " + UUID.randomUUID());
    }

    public Ticket signed() {
        Ticket t = dispatched();
        return QuarkusTransaction.requiringNew().call(() -> tickets.sign(t.ticketNumber, agent(t.leadDepartmentCode), null));
    }

    public Ticket replied() {
        Ticket t = signed();
        return QuarkusTransaction.requiringNew().call(() -> tickets.reply(t.ticketNumber, agent(t.leadDepartmentCode), "已协调支付工资"));
    }

    public Ticket calledBack(boolean satisfied) {
        Ticket t = replied();
        return QuarkusTransaction.requiringNew().call(() -> tickets.callBack(t.ticketNumber, DISPATCHER, satisfied, satisfied, null));
    }

    public Ticket returned() {
        Ticket t = dispatched();
        return QuarkusTransaction.requiringNew().call(() -> tickets.returnTicket(t.ticketNumber, agent(t.leadDepartmentCode), "不属于本单位职责"));
    }

    public Ticket reload(String number) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.byNumber(number).orElseThrow());
    }

    public List<TicketHistory> history(String number) {
        return QuarkusTransaction.requiringNew().call(() -> TicketHistory.of(Ticket.byNumber(number).orElseThrow().id));
    }
}

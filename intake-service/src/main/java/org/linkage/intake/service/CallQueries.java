package org.linkage.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;

import java.util.List;
import java.util.UUID;

/** Reading one call: by id as its viewer may, by the caller's retrieval code, its unmasked contact (the last two audited). */
@ApplicationScoped
public class CallQueries {
    private final CallRepository calls;
    private final CallAccess access;
    private final CallRecorder recorder;
    private final CurrentActor currentActor;
    private final ObjectMapper json;

    public CallQueries(CallRepository calls, CallAccess access, CallRecorder recorder, CurrentActor currentActor,
                       ObjectMapper json) {
        this.calls = calls;
        this.access = access;
        this.recorder = recorder;
        this.currentActor = currentActor;
        this.json = json;
    }

    /** A call as the given person may see it: call-takers and officers their own, supervisors and admins all. */
    public CallEntity visible(UUID callId, Actor actor) {
        return access.visible(callId, actor);
    }

    /**
     * A caller calling back quotes their retrieval code to whichever call-taker answers, so the code
     * opens the call to any call-taker; each such look-up is in the audit trail.
     */
    @Transactional
    public CallEntity byRetrievalCode(String code) {
        CallEntity call = calls.find("retrievalCode", code.strip().toUpperCase()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No call with that retrieval code. / 查询码无对应来电。"));
        recorder.read(call, AuditActions.RETRIEVED_BY_CODE);
        return call;
    }

    /** The unmasked contact of a caller, for calling back; every such read is in the audit trail. */
    @Transactional
    public CallEntity contact(UUID callId) {
        CallEntity call = access.visible(callId, currentActor.get(CallRecorder.COMPONENT));
        recorder.read(call, AuditActions.CONTACT_VIEWED);
        return call;
    }

    public List<String> signals(CallEntity call) {
        try {
            return call.signals == null ? List.of() : List.of(json.readValue(call.signals, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored signals of call " + call.id + " are unreadable", e);
        }
    }
}

package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.domain.score.ScoreRepository;
import org.kaowu.domain.score.ScoreStatus;
import org.kaowu.exception.BusinessException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 成绩查询: the public query (姓名 + 身份证号; the page asks for a CAPTCHA, this service limits queries per client
 * address) and the candidate's own scores. Only published batches exist here: an unpublished score and no score
 * look exactly the same ("no published scores"), so the query never reveals that something is pending. Answers
 * come from {@link ScoreResultCache}'s index over the published batches; the database is read once per published
 * batch.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScoreQueryService {

    /** One batch's results of one candidate, as shown: the ID number masked. */
    public record Result(String batchCode, String batchName, LocalDateTime examStart, String name, String maskedId,
                         String ticketNo, List<ScoreResultCache.Line> lines) implements Serializable {
    }

    @Inject
    private ScoreResultCache cache;
    @Inject
    private ScoreRepository scores;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private AccessThrottles throttles;
    @Inject
    private Clock clock;

    /**
     * The public query. Bad input is a {@link BusinessException} (name or ID missing, ID malformed, too many
     * queries from this address); a name that does not match the ID number gives the same empty answer as an ID
     * number without published scores.
     */
    public List<Result> query(String name, String idNumber, String clientAddress) {
        String typedName = name == null ? "" : name.strip();
        String typedId = idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (typedName.isEmpty()) {
            throw new BusinessException("query.score.nameRequired");
        }
        if (typedId.isEmpty()) {
            throw new BusinessException("query.score.idRequired");
        }
        if (!throttles.scoreQueries().tryAcquire(clientAddress == null ? "-" : clientAddress)) {
            throw new BusinessException("query.score.tooMany");
        }
        if (!IdNumber.isValid(typedId, clock)) {
            throw new BusinessException("query.score.idInvalid");
        }
        List<Result> results = new ArrayList<>();
        for (Result r : results(typedId)) {
            if (sameName(r.name(), typedName)) {
                results.add(r);
            }
        }
        return results;
    }

    /** 个人中心 → 成绩查询: the caller's own published scores (the caller's ID number is the principal). */
    public List<Result> mine(String idNumber) {
        return idNumber == null ? List.of() : results(idNumber.toUpperCase(java.util.Locale.ROOT));
    }

    private List<Result> results(String idNumber) {
        List<Result> results = new ArrayList<>(1);
        for (ScoreResultCache.Hit hit : cache.index(scores::publishedBatchIds, this::load).getOrDefault(idNumber, List.of())) {
            ScoreResultCache.Batch batch = hit.batch();
            ScoreResultCache.Entry entry = hit.entry();
            results.add(new Result(batch.code(), batch.name(), batch.examStart(), entry.name(),
                    IdNumber.mask(idNumber), entry.ticketNo(), entry.lines()));
        }
        return results; // newest exam first, as the index keeps them
    }

    private ScoreResultCache.Batch load(Long batchId) {
        ExamBatch batch = batches.find(batchId).orElseThrow();
        Map<String, String> names = new HashMap<>();   // shares the position names between entries
        Map<String, ScoreResultCache.Entry> byId = new HashMap<>();
        Map<String, List<ScoreResultCache.Line>> lines = new HashMap<>();
        for (Object[] row : scores.results(batchId)) {
            String id = (String) row[0];
            List<ScoreResultCache.Line> own = lines.computeIfAbsent(id, k -> new ArrayList<>(2));
            own.add(new ScoreResultCache.Line(names.computeIfAbsent((String) row[3], k -> k),
                    names.computeIfAbsent((String) row[4], k -> k), (BigDecimal) row[5], (ScoreStatus) row[6],
                    (PassVerdict) row[7]));
            byId.putIfAbsent(id, new ScoreResultCache.Entry((String) row[1], (String) row[2], own));
        }
        Map<String, ScoreResultCache.Entry> frozen = new HashMap<>(byId.size() * 4 / 3 + 1);
        byId.forEach((id, e) -> frozen.put(id, new ScoreResultCache.Entry(e.name(), e.ticketNo(), List.copyOf(e.lines()))));
        return new ScoreResultCache.Batch(batchId, batch.getCode(), batch.getName(),
                batch.getSchedule().getExamStart(), Collections.unmodifiableMap(frozen));
    }

    /** Ignores spaces and the several dots of minority names, as the import does. */
    static boolean sameName(String stored, String typed) {
        return stored != null && canonical(stored).equals(canonical(typed));
    }

    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0') {
                continue;
            }
            out.append(c == '•' || c == '・' || c == '．' || c == '.' || c == '\u2027' ? '·' : c);
        }
        return out.toString();
    }
}

package org.kaowu.service;

import org.kaowu.domain.score.LineResult;
import org.kaowu.domain.score.PassRule;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.domain.score.Rejection;
import org.kaowu.domain.score.ScoreKey;
import org.kaowu.domain.score.ScoreLine;
import org.kaowu.domain.score.ScoreLineRules;
import org.kaowu.domain.score.TicketLookup;
import org.kaowu.domain.score.ValidScore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to the lines of one import run between the file and {@link ScoreImportService#writeChunk}, shared
 * by the batch job (reader validates a block, processor turns each result into a row) and the demo seed.
 * <p>
 * A subject is a position: the 科目 column may hold the position's code or its name; names are turned into
 * codes first, so the rules' duplicate check sees one key per (ticket, position) whichever was written. The
 * ticket look-up loads a block's tickets in one query. 合格/不合格 per position via {@link PassRule}: with
 * position = subject, "all subjects required" means each registered position gets its own verdict.
 * <p>
 * One instance per run and step. {@link #validate} keeps state (the keys seen, the block's tickets): one thread at
 * a time — the job's reader calls it on its read-ahead thread only. {@link #canonical}, {@link #toRow} and
 * {@link #setup} read only what the constructor set, so the chunk's thread may call them too.
 */
public final class ScoreImportPipeline {

    /** A validated line: what the rules said, and the ticket's id when accepted. */
    public record Checked(ScoreLine line, LineResult result, Long ticketId) {
    }

    private final ScoreImportService.Setup setup;
    private final Map<String, ScoreImportService.Subject> byCode = new HashMap<>();
    private final Map<String, String> codeOfName = new HashMap<>();
    private final Lookup lookup;
    private final ScoreLineRules rules;

    public ScoreImportPipeline(ScoreImportService service, ScoreImportService.Setup setup,
                               Collection<ScoreKey> alreadyImported) {
        this.setup = setup;
        for (ScoreImportService.Subject s : setup.subjects()) {
            byCode.put(s.code(), s);
            codeOfName.put(s.name(), s.code());
        }
        this.lookup = new Lookup(service, setup.batchId());
        this.rules = new ScoreLineRules(lookup, ScoreLineRules.DEFAULT_MAX_SCORE, alreadyImported);
    }

    /** The position code for a position name (or a code in lower case); anything else unchanged. */
    public ScoreLine canonical(ScoreLine line) {
        String subject = ScoreKey.trim(line.subject());
        String code = codeOfName.get(subject);
        if (code == null && !byCode.containsKey(subject) && byCode.containsKey(subject.toUpperCase(Locale.ROOT))) {
            code = subject.toUpperCase(Locale.ROOT);
        }
        if (code == null) {
            return line;
        }
        return new ScoreLine(line.lineNumber(), line.ticketNo(), line.idNumber(), line.name(), code, line.score(),
                line.status(), line.cells(), line.raw(), line.readProblem());
    }

    /** Validates a block (already canonical): one ticket query for all of it. */
    public List<Checked> validate(List<ScoreLine> block) {
        List<LineResult> results = rules.validateAll(block);
        List<Checked> checked = new ArrayList<>(block.size());
        for (int i = 0; i < block.size(); i++) {
            LineResult result = results.get(i);
            Long ticketId = result instanceof ValidScore v ? lookup.ids.get(v.ticketNo()) : null;
            checked.add(new Checked(block.get(i), result, ticketId));
        }
        return checked;
    }

    /** A {@link ScoreImportService.ScoreRow} or a {@link ScoreImportService.RejectedRow}. */
    public Object toRow(Checked c) {
        if (c.result() instanceof ValidScore v) {
            ScoreImportService.Subject subject = byCode.get(v.subject());
            PassVerdict verdict = PassRule.judge(Map.of(subject.code(), subject.passLine()), List.of(v.subjectScore()));
            return new ScoreImportService.ScoreRow(v.lineNumber(), c.ticketId(), subject.positionId(), v.score(),
                    v.status(), verdict);
        }
        Rejection r = (Rejection) c.result();
        return new ScoreImportService.RejectedRow(r.lineNumber(), r.reasonCode(), r.reasonText(), c.line().cells());
    }

    public ScoreImportService.Setup setup() {
        return setup;
    }

    /** The batch's tickets, a block at a time. */
    private static final class Lookup implements TicketLookup {

        private final ScoreImportService service;
        private final Long batchId;
        private final Map<String, Ticket> tickets = new HashMap<>();
        private final Map<String, Long> ids = new HashMap<>();

        Lookup(ScoreImportService service, Long batchId) {
            this.service = service;
            this.batchId = batchId;
        }

        @Override
        public void prefetch(Collection<String> ticketNos) {
            tickets.clear();
            ids.clear();
            Map<String, Set<String>> subjects = new HashMap<>();
            Map<String, ScoreImportService.TicketRow> first = new HashMap<>();
            List<String> wanted = ticketNos.stream().filter(t -> !t.isEmpty() && t.length() <= 40).toList();
            for (ScoreImportService.TicketRow row : service.tickets(batchId, wanted)) {
                first.putIfAbsent(row.ticketNo(), row);
                subjects.computeIfAbsent(row.ticketNo(), k -> new HashSet<>()).add(row.positionCode());
            }
            for (Map.Entry<String, ScoreImportService.TicketRow> e : first.entrySet()) {
                ScoreImportService.TicketRow row = e.getValue();
                tickets.put(e.getKey(), new Ticket(row.ticketNo(), row.idNumber(), row.name(), subjects.get(e.getKey())));
                ids.put(e.getKey(), row.ticketId());
            }
        }

        @Override
        public Optional<Ticket> ticket(String ticketNo) {
            return Optional.ofNullable(tickets.get(ticketNo));
        }

        @Override
        public Optional<BigDecimal> maxScore(String subject) {
            return Optional.empty();
        }
    }
}

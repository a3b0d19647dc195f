/**
 * 成绩: the pure-Java core of the score import — reading a score file (CSV in UTF-8 or GBK, XLSX) as a stream
 * of lines, the per-line rules, the pass rule (合格/不合格), the rejected-lines file and the template. No
 * persistence and no container: the score-import batch job and the admin pages call these and store what
 * comes back; database look-ups come in through {@link org.kaowu.domain.score.TicketLookup}. The stored side
 * (Score, ScoreImport, ScoreRejection, ScorePublication, ScoreRepository) is used by the services only.
 */
package org.kaowu.domain.score;

package org.kaowu.it;

import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Test data built through the services, so it obeys the same rules as real data: candidates with a
 * complete profile, batches open for registration. Everything gets unique codes.
 */
public final class Fixtures {

    public static final String PASSWORD = "Kaoshi2026";

    private Fixtures() {
    }

    /** A registered candidate whose profile (text and the three images) is complete. */
    public static String completeCandidate(AccountService accounts, ProfileService profiles) {
        String id = TestData.idNumber();
        accounts.register(id, PASSWORD.toCharArray(), PASSWORD.toCharArray(), TestData.clientAddress());
        profiles.save(id, profile(TestData.mobile()), Map.of(
                ImageKind.PHOTO, jpeg(295, 413, new Color(0x88, 0xaa, 0xcc)),
                ImageKind.ID_CARD_SCAN, jpeg(1200, 800, Color.LIGHT_GRAY),
                ImageKind.DIPLOMA_SCAN, jpeg(1200, 800, Color.WHITE)));
        return id;
    }

    /**
     * {@code count} candidates with complete profiles, each with a 未提交 registration for the site: the
     * starting line of a seat race. Built on 4 threads (password hashing dominates).
     */
    public static List<Map.Entry<String, Long>> drafts(int count, AccountService accounts, ProfileService profiles,
                                                       RegistrationService registrations, ExamBatch batch,
                                                       BatchSite site) throws Exception {
        Set<Long> positions = batch.getPositions().stream().map(Position::getId).collect(Collectors.toSet());
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map.Entry<String, Long>>> prepared = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                prepared.add(setup.submit(() -> {
                    String id = completeCandidate(accounts, profiles);
                    return Map.entry(id, registrations.choose(id, batch.getId(), site.getSite().getId(), positions).getId());
                }));
            }
            List<Map.Entry<String, Long>> drafts = new ArrayList<>();
            for (Future<Map.Entry<String, Long>> f : prepared) {
                drafts.add(f.get());
            }
            return drafts;
        } finally {
            setup.shutdown();
        }
    }

    /**
     * Submits every draft at the same moment; counts each outcome (the status reached, or the refusal's
     * bundle key) into {@code outcomes}. Returns the wall time in ms until the last one answered.
     */
    public static double submitAll(RegistrationService registrations, List<Map.Entry<String, Long>> drafts,
                                   Map<String, Integer> outcomes) throws Exception {
        return race(drafts.stream().<Callable<Void>>map(d -> () -> {
            String outcome;
            try {
                outcome = registrations.submit(d.getKey(), d.getValue()).getStatus().name();
            } catch (org.kaowu.exception.BusinessException e) {
                outcome = e.getMessageKey();
            }
            outcomes.merge(outcome, 1, Integer::sum);
            return null;
        }).toList());
    }

    /** A complete candidate's registration for the batch's first site and all its positions, 待审核. */
    public static Registration submitted(AccountService accounts, ProfileService profiles,
                                         RegistrationService registrations, ExamService exams, ExamBatch batch) {
        String id = completeCandidate(accounts, profiles);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Set<Long> positions = batch.getPositions().stream().map(Position::getId).collect(Collectors.toSet());
        Registration draft = registrations.choose(id, batch.getId(), site.getSite().getId(), positions);
        return registrations.submit(id, draft.getId());
    }

    /** Runs all tasks at once behind a start gate; returns the wall time in ms until the last one answered. */
    public static double race(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Void>> runs = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                runs.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            long start = System.nanoTime();
            gate.countDown();
            for (Future<Void> run : runs) {
                run.get();
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            pool.shutdown();
        }
    }

    public static ProfileData profile(String mobile) {
        return new ProfileData("测试考生", "汉族", "群众", "大学本科", "计算机科学与技术", "浙江大学",
                LocalDate.of(2015, 6, 30), "杭州某公司", mobile, null, "杭州市西湖区文三路 1 号", "310000");
    }

    /** An open batch with one site of {@code seats} seats and two positions, registration open now. */
    public static ExamBatch openBatch(ExamService exams, int seats) {
        LocalDateTime now = LocalDateTime.now();
        return batch(exams, seats, new BatchSchedule(now.minusDays(1), now.plusDays(10), now.plusDays(12),
                now.plusDays(13), now.plusDays(20), now.plusDays(20).plusHours(3)));
    }

    /** A batch whose registration has ended. */
    public static ExamBatch closedBatch(ExamService exams) {
        LocalDateTime now = LocalDateTime.now();
        return batch(exams, 10, new BatchSchedule(now.minusDays(10), now.minusDays(1), now.plusDays(1),
                now.plusDays(2), now.plusDays(10), now.plusDays(10).plusHours(3)));
    }

    private static ExamBatch batch(ExamService exams, int seats, BatchSchedule schedule) {
        String code = TestData.code(8);
        ExamBatch batch = exams.createBatch(new ExamBatch(code, "测试批次 " + code, schedule));
        ExamSite site = exams.createSite(new ExamSite("S" + TestData.code(6), "测试考点 " + code, "杭州市测试路 1 号"));
        exams.addSite(batch.getId(), site.getId(), seats);
        for (int i = 0; i < 2; i++) {
            Position position = exams.createPosition(new Position("P" + TestData.code(6), "测试岗位 " + i,
                    new BigDecimal("100.00"), new BigDecimal("60")));
            exams.addPosition(batch.getId(), position.getId());
        }
        exams.open(batch.getId());
        return exams.batch(batch.getId());
    }

    public static byte[] jpeg(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.drawString("kaowu", width / 4, height / 2);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.certificate.Certificate;
import org.kaowu.domain.certificate.CertificateRepository;
import org.kaowu.domain.certificate.PassList;
import org.kaowu.domain.certificate.VerificationCode;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.pdf.CertificatePdf;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 证书查询 and 合格名单 (public), 我的证书 (candidate). The public query takes 姓名 + 身份证号 (the page asks for a
 * CAPTCHA) or a verification code; both are limited per client address here. A malformed code is refused before
 * any database look-up; a well-formed code that no certificate has, an ID number without certificates and a
 * name that does not match all give the same "no certificate" answer. ID numbers are always masked.
 * A candidate's certificates are looked up by the caller's principal: another's id is "not found".
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CertificateQueryService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** One certificate as shown and printed: the ID number masked. */
    public record View(Long id, String certificateNo, String verificationCode, String name, String maskedId,
                       String positionCode, String positionName, String batchCode, String batchName, String ticketNo,
                       LocalDate passDate, LocalDateTime issuedAt, Long registrationId) implements Serializable {
    }

    /** One line of a public pass list. */
    public record Passer(String name, String maskedId, String ticketNo, String positionCode, String positionName)
            implements Serializable {
    }

    /** A published pass list. */
    public record PassListView(Long batchId, String batchCode, String batchName, LocalDateTime publishedAt,
                               List<Passer> passers) implements Serializable {
    }

    /** A batch with a published pass list. */
    public record PublishedList(Long batchId, String batchCode, String batchName) implements Serializable {
    }

    @Inject
    private CertificateRepository certificates;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private AccessThrottles throttles;
    @Inject
    private Clock clock;
    @Inject
    private CertificatePdf pdf;

    /** Printed as the issuing authority (发证机关). */
    @Inject
    @ConfigProperty(name = "kaowu.certificate.authority", defaultValue = "省考试中心")
    private String authority;

    // ---------------------------------------------------------------- public

    /** 证书查询 by 姓名 + 身份证号. */
    public List<View> query(String name, String idNumber, String clientAddress) {
        String typedName = name == null ? "" : name.strip();
        String typedId = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        if (typedName.isEmpty()) {
            throw new BusinessException("query.certificate.nameRequired");
        }
        if (typedId.isEmpty()) {
            throw new BusinessException("query.certificate.idRequired");
        }
        throttle(clientAddress);
        if (!IdNumber.isValid(typedId, clock)) {
            throw new BusinessException("query.certificate.idInvalid");
        }
        List<View> views = new ArrayList<>();
        for (Object[] row : certificates.viewsByIdNumber(typedId)) {
            if (ScoreQueryService.sameName((String) row[1], typedName)) {
                views.add(view(row));
            }
        }
        return views;
    }

    /**
     * 证书查询 by verification code (typed, or from the QR code). Case, spaces, dashes and look-alike characters
     * are forgiven ({@link VerificationCode#normalise}); a code that cannot exist is refused without a look-up.
     * Empty when no certificate has the code.
     */
    public java.util.Optional<View> byCode(String code, String clientAddress) {
        if (code == null || code.isBlank()) {
            throw new BusinessException("query.certificate.codeRequired");
        }
        throttle(clientAddress);
        if (code.length() > 40 || !VerificationCode.isWellFormed(code)) {
            throw new BusinessException("query.certificate.codeInvalid");
        }
        return certificates.viewByCode(VerificationCode.normalise(code)).map(CertificateQueryService::view);
    }

    /** The batches whose pass list is public, newest exam first. */
    public List<PublishedList> publishedPassLists() {
        List<PublishedList> lists = new ArrayList<>();
        for (Object[] row : certificates.publishedPassLists()) {
            lists.add(new PublishedList((Long) row[0], (String) row[1], (String) row[2]));
        }
        return lists;
    }

    /** 合格名单 of a batch, only while published (else "not found", as for an unknown batch). */
    public PassListView passList(Long batchId) {
        PassList list = certificates.passList(batchId).filter(PassList::isPublished)
                .orElseThrow(() -> new NotFoundException("passList.notFound"));
        ExamBatch batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("passList.notFound"));
        List<Passer> passers = new ArrayList<>();
        for (Object[] r : certificates.passers(batchId)) {
            passers.add(new Passer((String) r[0], IdNumber.mask((String) r[1]), (String) r[2], (String) r[3],
                    (String) r[4]));
        }
        return new PassListView(batch.getId(), batch.getCode(), batch.getName(), list.getPublishedAt(), passers);
    }

    // ---------------------------------------------------------------- the candidate's own

    /** 我的证书 → 已获证书: the caller's certificates (the caller's ID number is the principal). */
    public List<View> mine(@NotNull String idNumber) {
        return certificates.viewsByIdNumber(idNumber.toUpperCase(Locale.ROOT)).stream()
                .map(CertificateQueryService::view).toList();
    }

    /** One of the caller's certificates; another candidate's or an unknown id is "not found". */
    public View mine(@NotNull String idNumber, @NotNull Long certificateId) {
        return certificates.viewOwned(certificateId, idNumber.toUpperCase(Locale.ROOT))
                .map(CertificateQueryService::view)
                .orElseThrow(() -> new NotFoundException("certificate.notFound"));
    }

    /**
     * The caller's certificate as a PDF; the QR code opens {@code queryUrl?code=…} (the public verification
     * page's absolute URL, from the request).
     */
    public byte[] pdf(@NotNull String idNumber, @NotNull Long certificateId, @NotNull String queryUrl) {
        View v = mine(idNumber, certificateId);
        return pdf.render(toPdf(v, certificates.photo(v.registrationId()), queryUrl));
    }

    /** What the PDF prints for a certificate (the ID number masked). */
    public CertificatePdf.Certificate toPdf(View v, byte[] photo, String queryUrl) {
        String url = queryUrl + "?code=" + URLEncoder.encode(v.verificationCode(), StandardCharsets.UTF_8);
        return new CertificatePdf.Certificate(v.certificateNo(), v.name(), v.maskedId(), photo, v.batchName(),
                v.positionCode() + " " + v.positionName(), DAY.format(v.passDate()), authority,
                DAY.format(v.issuedAt()), v.verificationCode(), url);
    }

    private void throttle(String clientAddress) {
        if (!throttles.certificateQueries().tryAcquire(clientAddress == null ? "-" : clientAddress)) {
            throw new BusinessException("query.certificate.tooMany");
        }
    }

    private static View view(Object[] row) {
        Certificate c = (Certificate) row[0];
        return new View(c.getId(), c.getCertificateNo(), c.getVerificationCode(), (String) row[1],
                IdNumber.mask((String) row[2]), (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                (String) row[7], c.getPassDate(), c.getIssuedAt(), c.getRegistrationId());
    }
}

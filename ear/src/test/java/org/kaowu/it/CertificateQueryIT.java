package org.kaowu.it;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.certificate.VerificationCode;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.service.CertificateQueryService;
import org.kaowu.service.CertificateService;
import org.kaowu.service.ExamService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 证书查询 and 我的证书 on the demo seed's certificate (batch 2026S, the demo candidate) and a dataset of its own:
 * by verification code (normalised; forged and mistyped codes), by name and ID number, the per-address limit,
 * another candidate's certificate, and the PDF's text (pdftotext): number, masked ID, code, never the full ID.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateQueryIT {

    private static final String DEMO_CANDIDATE = "11010519491231002X";
    private static final String ADMIN = "admin";

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(CertificateQueryIT.class, CertificateFixtures.class, CertificateFixtures.Dataset.class);
    }

    @Inject CertificateQueryService queries;
    @Inject CertificateService certificates;
    @Inject ExamService exams;

    @Test
    void theDemoCandidatesCertificateIsFoundByCodeAndByNameAndId() {
        List<CertificateQueryService.View> mine = queries.mine(DEMO_CANDIDATE);
        assertFalse(mine.isEmpty(), "the demo seed numbers 2026S");
        CertificateQueryService.View c = mine.get(0);
        String address = TestData.clientAddress();

        CertificateQueryService.View found = queries.byCode(c.verificationCode(), address).orElseThrow();
        assertEquals(c.certificateNo(), found.certificateNo());
        assertEquals("110105********002X", found.maskedId());
        // typed sloppily: lower case, spaces instead of dashes
        String sloppy = c.verificationCode().toLowerCase().replace('-', ' ');
        assertEquals(c.certificateNo(), queries.byCode(sloppy, address).orElseThrow().certificateNo());

        List<CertificateQueryService.View> byName = queries.query("张晓明", DEMO_CANDIDATE.toLowerCase(), address);
        assertTrue(byName.stream().anyMatch(v -> v.certificateNo().equals(c.certificateNo())));
        assertTrue(queries.query("李四", DEMO_CANDIDATE, address).isEmpty(), "a name that does not match: nothing");
        assertEquals("query.certificate.idInvalid", assertThrows(BusinessException.class,
                () -> queries.query("张晓明", "110105194912310021", address)).getMessageKey());
    }

    @Test
    void forgedAndMistypedCodesAreRefused() {
        String address = TestData.clientAddress();
        // well-formed but nobody's: an honest "no certificate"
        assertTrue(queries.byCode(VerificationCode.generate(), address).isEmpty());
        String real = queries.mine(DEMO_CANDIDATE).get(0).verificationCode();
        char swapped = real.charAt(0) == '2' ? '3' : '2';
        for (String bad : List.of(swapped + real.substring(1), "ABCD-EFGH-JKL", "' OR 1=1 --", "x".repeat(5000),
                real.substring(0, 13) + "0")) {
            BusinessException e = assertThrows(BusinessException.class, () -> queries.byCode(bad, address), bad);
            assertEquals("query.certificate.codeInvalid", e.getMessageKey());
        }
        assertEquals("query.certificate.codeRequired",
                assertThrows(BusinessException.class, () -> queries.byCode("  ", address)).getMessageKey());
    }

    @Test
    void queriesAreLimitedPerClientAddress() {
        String address = TestData.clientAddress();
        for (int i = 0; i < AccessThrottles.CERTIFICATE_QUERIES; i++) {
            queries.byCode(VerificationCode.generate(), address);
        }
        assertEquals("query.certificate.tooMany", assertThrows(BusinessException.class,
                () -> queries.byCode(VerificationCode.generate(), address)).getMessageKey());
        assertEquals("query.certificate.tooMany", assertThrows(BusinessException.class,
                () -> queries.query("张晓明", DEMO_CANDIDATE, address)).getMessageKey());
        queries.byCode(VerificationCode.generate(), TestData.clientAddress()); // another address is not affected
    }

    @Test
    void anotherCandidatesCertificateIsNotFound() {
        CertificateQueryService.View demo = queries.mine(DEMO_CANDIDATE).get(0);
        CertificateFixtures.Dataset d = CertificateFixtures.passers(exams, 3, 0);
        String someoneElse = d.prefix() + "0000000001";
        assertEquals(0, queries.mine(someoneElse).size());
        assertThrows(NotFoundException.class, () -> queries.mine(someoneElse, demo.id()));
        assertThrows(NotFoundException.class, () -> queries.pdf(someoneElse, demo.id(), "http://x/query/certificate"));
        assertThrows(NotFoundException.class, () -> queries.mine(DEMO_CANDIDATE, -1L));
    }

    @Test
    void thePdfSaysWhatTheCertificateIs() throws Exception {
        CertificateQueryService.View c = queries.mine(DEMO_CANDIDATE).get(0);
        byte[] pdf = queries.pdf(DEMO_CANDIDATE, c.id(), "https://kaowu.example/query/certificate");
        Path file = Files.createTempFile("certificate", ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        System.out.println("[certificates] PDF text:\n" + text);
        String compact = text.replaceAll("\\s+", "");  // the title is letter-spaced, the layout columns padded
        for (String expected : List.of("合格证书", c.certificateNo(), "110105********002X", c.verificationCode(), "张晓明",
                "经考试合格，特发此证。", "kaowu.example/query/certificate")) {
            assertTrue(compact.contains(expected), "PDF shows " + expected);
        }
        assertFalse(text.contains(DEMO_CANDIDATE), "never the full ID number");
        Files.copy(file, Path.of(System.getProperty("java.io.tmpdir"), "demo-certificate.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

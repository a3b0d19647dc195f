package org.kaowu.it;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.Roles;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.Gender;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.service.AuthenticatedCaller;
import org.kaowu.service.NotificationService;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;
import org.kaowu.service.Result;
import org.kaowu.service.StaffService;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candidate and staff accounts against the database: register, log in, lockout, change and reset. */
@ExtendWith(ArquillianExtension.class)
class AccountIT {

    private static final String PASSWORD = "Kaoshi2026";

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(AccountIT.class);
    }

    @Inject
    AccountService accounts;
    @Inject
    ProfileService profiles;
    @Inject
    NotificationService notifications;
    @Inject
    StaffService staff;

    @Test
    void registeredCandidateLogsInWithGenderAndBirthDateFromTheIdNumber() {
        String id = TestData.idNumber();
        Candidate candidate = accounts.register(id.toLowerCase(), PASSWORD.toCharArray(), PASSWORD.toCharArray(),
                TestData.clientAddress());
        assertEquals(id, candidate.getIdNumber());
        int sequence = id.charAt(16) - '0';
        assertEquals(sequence % 2 == 1 ? Gender.MALE : Gender.FEMALE, candidate.getGender());
        assertEquals(Integer.parseInt(id.substring(6, 10)), candidate.getBirthDate().getYear());

        Result<AuthenticatedCaller> login = accounts.authenticate(id, PASSWORD.toCharArray(), TestData.clientAddress());
        assertTrue(login.isOk(), () -> "refused: " + login.messageKey());
        assertEquals(id, login.value().orElseThrow().name());
        assertEquals(Set.of(Roles.CANDIDATE), login.value().orElseThrow().roles());
    }

    @Test
    void anIdNumberRegistersOnlyOnce() {
        String id = TestData.idNumber();
        accounts.register(id, PASSWORD.toCharArray(), PASSWORD.toCharArray(), TestData.clientAddress());
        BusinessException e = assertThrows(BusinessException.class, () -> accounts.register(id,
                "Another2026".toCharArray(), "Another2026".toCharArray(), TestData.clientAddress()));
        assertEquals("register.idTaken", e.getMessageKey());
        // the first password still works: nothing about the account changed
        assertTrue(accounts.authenticate(id, PASSWORD.toCharArray(), TestData.clientAddress()).isOk());
    }

    @Test
    void badRegistrationsCreateNoAccount() {
        String id = TestData.idNumber();
        String nearMiss = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        assertRefused("idNumber.checksum", nearMiss, PASSWORD, PASSWORD);
        assertRefused("idNumber.length", id.substring(0, 17), PASSWORD, PASSWORD);
        assertRefused("idNumber.fullWidth", "３３０１０６" + id.substring(6), PASSWORD, PASSWORD);
        assertRefused("idNumber.format", "1' OR '1'='1' --12", PASSWORD, PASSWORD);
        assertRefused("idNumber.format", "<script>alert(1)</", PASSWORD, PASSWORD);
        assertRefused("idNumber.length", "' OR 1=1 --", PASSWORD, PASSWORD);
        assertRefused("password.digitsOnly", id, "12345678", "12345678");
        assertRefused("password.tooShort", id, "ab12", "ab12");
        String endsInX = TestData.idNumberEndingInX();
        assertRefused("password.sameAsAccount", endsInX, endsInX.toLowerCase(), endsInX.toLowerCase());
        assertRefused("password.common", id, "password", "password");
        assertRefused("password.mismatch", id, PASSWORD, PASSWORD + "x");
        assertRefused("password.tooLong", id, "a1".repeat(40), "a1".repeat(40));

        Result<AuthenticatedCaller> login = accounts.authenticate(id, PASSWORD.toCharArray(), TestData.clientAddress());
        assertEquals("login.failed", login.messageKey(), "no account was created");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String id = registered();
        String address = TestData.clientAddress();
        for (int i = 1; i <= 4; i++) {
            Result<AuthenticatedCaller> r = accounts.authenticate(id, "Wrong2026".toCharArray(), address);
            assertEquals("login.failedWithRemaining", r.messageKey());
            assertEquals(5 - i, r.arguments()[0]);
        }
        assertEquals("login.locked", accounts.authenticate(id, "Wrong2026".toCharArray(), address).messageKey());
        assertEquals("login.locked", accounts.authenticate(id, PASSWORD.toCharArray(), TestData.clientAddress()).messageKey());
    }

    @Test
    void changingThePasswordNeedsTheOldOne() {
        String id = registered();
        BusinessException wrongOld = assertThrows(BusinessException.class, () -> accounts.changePassword(id,
                "NotMine2026".toCharArray(), "NewPass2026".toCharArray(), "NewPass2026".toCharArray()));
        assertEquals("password.oldWrong", wrongOld.getMessageKey());
        BusinessException weak = assertThrows(BusinessException.class, () -> accounts.changePassword(id,
                PASSWORD.toCharArray(), "123456".toCharArray(), "123456".toCharArray()));
        assertEquals("password.digitsOnly", weak.getMessageKey());

        accounts.changePassword(id, PASSWORD.toCharArray(), "NewPass2026".toCharArray(), "NewPass2026".toCharArray());
        assertTrue(accounts.authenticate(id, "NewPass2026".toCharArray(), TestData.clientAddress()).isOk());
        assertEquals("login.failedWithRemaining",
                accounts.authenticate(id, PASSWORD.toCharArray(), TestData.clientAddress()).messageKey());
    }

    @Test
    void passwordRecoveryBySmsCode() {
        String id = registered();
        String mobile = TestData.mobile();
        profiles.save(id, new ProfileData("张三", "汉族", "群众", "本科", null, "浙江大学", null, null, mobile,
                null, "杭州市", null));

        BusinessException mismatch = assertThrows(BusinessException.class,
                () -> accounts.sendResetCode(id, TestData.mobile(), TestData.clientAddress()));
        assertEquals("reset.mobileMismatch", mismatch.getMessageKey());
        BusinessException unknown = assertThrows(BusinessException.class,
                () -> accounts.sendResetCode(TestData.idNumber(), mobile, TestData.clientAddress()));
        assertEquals("reset.mobileMismatch", unknown.getMessageKey(), "unknown accounts look like a mismatch");

        accounts.sendResetCode(id, mobile, TestData.clientAddress());
        BusinessException tooSoon = assertThrows(BusinessException.class,
                () -> accounts.sendResetCode(id, mobile, TestData.clientAddress()));
        assertEquals("reset.tooSoon", tooSoon.getMessageKey());

        List<OutboxMessage> sms = notifications.search(Channel.SMS, null, mobile, 0, 10);
        assertEquals(1, sms.size(), "exactly one SMS, written with the code");
        Matcher matcher = Pattern.compile("验证码 (\\d{6})").matcher(sms.get(0).getBody());
        assertTrue(matcher.find(), sms.get(0).getBody());
        String code = matcher.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        Result<String> wrongCode = accounts.verifyResetCode(id, wrong);
        assertEquals("reset.codeWrong", wrongCode.messageKey());
        assertEquals(4, wrongCode.arguments()[0], "the wrong try was counted");

        Result<String> ticket = accounts.verifyResetCode(id, code);
        assertTrue(ticket.isOk(), () -> "refused: " + ticket.messageKey());
        assertEquals("reset.codeExpired", accounts.verifyResetCode(id, code).messageKey(), "a code is used once");

        BusinessException weak = assertThrows(BusinessException.class, () -> accounts.resetPassword(
                ticket.value().orElseThrow(), "abc".toCharArray(), "abc".toCharArray()));
        assertEquals("password.tooShort", weak.getMessageKey());
        assertEquals(id, accounts.resetPassword(ticket.value().orElseThrow(), "Reset2026a".toCharArray(),
                "Reset2026a".toCharArray()));
        assertTrue(accounts.authenticate(id, "Reset2026a".toCharArray(), TestData.clientAddress()).isOk());

        BusinessException reused = assertThrows(BusinessException.class, () -> accounts.resetPassword(
                ticket.value().orElseThrow(), "Again2026b".toCharArray(), "Again2026b".toCharArray()));
        assertEquals("reset.ticketExpired", reused.getMessageKey());
    }

    @Test
    void staffLogInWithTheirRoleAndAreLockedOutLikeCandidates() {
        String username = "it" + TestData.code(8).toLowerCase();
        staff.create(username, "测试操作员", PASSWORD.toCharArray(), org.kaowu.domain.account.StaffRole.OPERATOR, null);
        Result<AuthenticatedCaller> ok = staff.authenticate(username.toUpperCase(), PASSWORD.toCharArray(),
                TestData.clientAddress());
        assertTrue(ok.isOk());
        assertEquals(Set.of(Roles.OPERATOR), ok.value().orElseThrow().roles());
        for (int i = 0; i < 4; i++) {
            assertEquals("login.staffFailed",
                    staff.authenticate(username, "Wrong2026".toCharArray(), TestData.clientAddress()).messageKey());
        }
        assertEquals("login.locked",
                staff.authenticate(username, "Wrong2026".toCharArray(), TestData.clientAddress()).messageKey());
        assertFalse(staff.authenticate(username, PASSWORD.toCharArray(), TestData.clientAddress()).isOk());
    }

    private String registered() {
        String id = TestData.idNumber();
        accounts.register(id, PASSWORD.toCharArray(), PASSWORD.toCharArray(), TestData.clientAddress());
        return id;
    }

    private void assertRefused(String key, String id, String password, String confirmation) {
        BusinessException e = assertThrows(BusinessException.class, () -> accounts.register(id,
                password.toCharArray(), confirmation.toCharArray(), TestData.clientAddress()));
        assertEquals(key, e.getMessageKey(), () -> "for " + id + " / " + password);
    }
}

package org.kaowu.it.bench;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.it.KaowuDeployment;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Inside the server: the cost of one password check through {@link PasswordHasher} (Jakarta Security's
 * PBKDF2) next to the JDK's PBKDF2 of the same parameters, single-threaded, in the same JVM.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordHashBenchmark {

    private static final int ROUNDS = 20;

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(PasswordHashBenchmark.class);
    }

    @Inject
    PasswordHasher hasher;

    @Test
    void passwordCheckAgainstRawPbkdf2() throws Exception {
        char[] password = "Bench2026x".toCharArray();
        String stored = hasher.hash(password);
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salt = new byte[16];
        for (int i = 0; i < 3; i++) {
            hasher.matches(password, stored);
            factory.generateSecret(new PBEKeySpec(password, salt, PasswordHasher.ITERATIONS, 256));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            if (!hasher.matches(password, stored)) {
                throw new AssertionError("hash does not verify");
            }
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            factory.generateSecret(new PBEKeySpec(password, salt, PasswordHasher.ITERATIONS, 256)).getEncoded();
        }
        long t2 = System.nanoTime();
        double check = (t1 - t0) / 1e6 / ROUNDS;
        double raw = (t2 - t1) / 1e6 / ROUNDS;
        System.out.printf("%n[benchmark] in server: PasswordHasher.matches %.1f ms, raw PBKDF2 (%s) %.1f ms, ratio %.2f%n%n",
                check, factory.getProvider().getName(), raw, raw / check);
    }
}

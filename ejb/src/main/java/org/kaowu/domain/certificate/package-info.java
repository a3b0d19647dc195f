/**
 * 证书: certificates — the certificate-number rule (证书编号), gap-free numbering of one sequence, and the
 * verification code (验证码) printed on the certificate. Pure Java, no persistence: the numbering job and the
 * services feed them codes and sequences and store what comes back.
 */
package org.kaowu.domain.certificate;

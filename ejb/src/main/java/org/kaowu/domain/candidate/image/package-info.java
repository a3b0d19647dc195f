/**
 * Images a candidate uploads (个人证件照, 身份证扫描件, 学历证书扫描件): the rules of the manual per kind, the
 * inspector that enforces them on untrusted bytes, and the normalizer that turns an over-sized image into
 * one that passes. Plain Java (javax.imageio, java.awt.image), safe on a headless server; no state, so
 * instances can be shared between threads.
 */
package org.kaowu.domain.candidate.image;

/**
 * Application services: {@code @Stateless} EJBs, the only transaction boundary. Every business rule is
 * enforced here (or in the domain), whatever the page already checked; broken rules throw a
 * {@link org.kaowu.exception.BusinessException}.
 */
package org.kaowu.service;

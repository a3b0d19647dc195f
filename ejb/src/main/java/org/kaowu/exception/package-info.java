/** {@link org.kaowu.exception.BusinessException} and its subclasses: broken rules, each named by a bundle key. */
package org.kaowu.exception;

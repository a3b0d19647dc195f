/** 操作日志: an append-only record of every staff action that changes data or exports personal data. */
package org.kaowu.domain.audit;

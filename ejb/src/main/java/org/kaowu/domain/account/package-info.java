/** Staff accounts (省中心管理员, 考点管理员, 操作员) and password hashing shared with candidates' accounts. */
package org.kaowu.domain.account;

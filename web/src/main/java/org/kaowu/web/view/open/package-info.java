/** Public queries anybody may use without logging in (成绩查询), each behind a CAPTCHA and a per-address limit. */
package org.kaowu.web.view.open;

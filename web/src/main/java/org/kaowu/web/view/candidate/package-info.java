/**
 * The candidate's own pages (个人中心: 个人信息, 账号安全) and the servlet that serves the candidate's stored
 * images. Everything here acts for the logged-in caller only; no candidate id is ever read from a request.
 */
package org.kaowu.web.view.candidate;

/*
 * 成绩查询 (/query/score): sends the form to /query/score-answer (a plain POST, no Faces postback) and shows the
 * JSON answer: result cards from the page's <template>, or the message the server wrote in the visitor's language.
 * Every answer used up the CAPTCHA challenge: the page asks for the next one with the query (nextCaptcha=1) and
 * shows the image the answer carries; only when an answer brings none (a network failure) is a new image loaded. Texts come from the page
 * (data-* attributes and the template, filled from the bundles); values are set as text, never as HTML.
 */
(function () {
    "use strict";

    function start() {
        var form = document.getElementById("queryForm");
        if (!form) {
            return;
        }
        var messages = document.getElementById("formMessages");
        var answer = document.getElementById("answer");
        var none = document.getElementById("noScores");
        var template = document.getElementById("resultTemplate");
        var button = document.getElementById("query");
        var fields = {name: form.elements.name, idNumber: form.elements.idNumber, captcha: form.elements.captcha};

        function clear() {
            messages.textContent = "";
            Object.keys(fields).forEach(function (key) {
                fields[key].classList.remove("ui-state-error");
                fields[key].removeAttribute("aria-invalid");
            });
            Array.prototype.slice.call(answer.querySelectorAll(".kw-score-card")).forEach(function (card) {
                card.remove();
            });
            none.hidden = true;
        }

        function showError(text, field) {
            var box = messages.querySelector(".ui-messages-error");
            if (!box) {
                box = document.createElement("div");
                box.className = "ui-messages-error ui-corner-all";
                var icon = document.createElement("span");
                icon.className = "ui-messages-error-icon";
                box.appendChild(icon);
                box.appendChild(document.createElement("ul"));
                messages.appendChild(box);
            }
            var item = document.createElement("li");
            item.setAttribute("role", "alert");
            var summary = document.createElement("span");
            summary.className = "ui-messages-error-summary";
            summary.textContent = text;
            item.appendChild(summary);
            box.querySelector("ul").appendChild(item);
            if (field && fields[field]) {
                fields[field].classList.add("ui-state-error");
                fields[field].setAttribute("aria-invalid", "true");
            }
        }

        function newCaptcha(dataUrl) {
            var image = document.getElementById("captchaImage");
            image.src = dataUrl || image.getAttribute("data-src") + "&t=" + Date.now();
            fields.captcha.value = "";
        }

        function showResults(results) {
            if (results.length === 0) {
                none.hidden = false;
                return;
            }
            results.forEach(function (result, index) {
                var card = template.content.firstElementChild.cloneNode(true);
                card.id = "result-" + index;
                ["batch", "name", "maskedId", "ticketNo", "examDate"].forEach(function (key) {
                    card.querySelector("[data-field='" + key + "']").textContent = result[key];
                });
                var body = card.querySelector("tbody");
                result.lines.forEach(function (line) {
                    var row = document.createElement("tr");
                    [line.subject, line.score === null ? "\u2014" : line.score, line.status].forEach(function (text, i) {
                        var cell = document.createElement("td");
                        cell.textContent = text;
                        if (i === 1) {
                            cell.className = "kw-score-value";
                        }
                        row.appendChild(cell);
                    });
                    var verdict = document.createElement("span");
                    verdict.className = "kw-verdict kw-verdict-" + (line.pass ? "PASS" : "FAIL");
                    verdict.textContent = line.verdict;
                    var cell = document.createElement("td");
                    cell.appendChild(verdict);
                    row.appendChild(cell);
                    body.appendChild(row);
                });
                answer.appendChild(card);
            });
        }

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            clear();
            var missing = [["name", "nameRequired"], ["idNumber", "idRequired"], ["captcha", "captchaRequired"]]
                .filter(function (check) {
                    return fields[check[0]].value.trim() === "";
                });
            if (missing.length > 0) {
                missing.forEach(function (check) {
                    showError(form.dataset[check[1]], check[0]);
                });
                fields[missing[0][0]].focus();
                return;
            }
            button.disabled = true;
            var body = new URLSearchParams(new FormData(form));
            body.append("nextCaptcha", "1");
            var next = null;
            fetch(form.action, {
                method: "POST", credentials: "same-origin", headers: {"Accept": "application/json"}, body: body
            }).then(function (response) {
                return response.json();
            }).then(function (json) {
                if (typeof json.captcha === "string" && json.captcha.indexOf("data:image/png;base64,") === 0) {
                    next = json.captcha;
                }
                if (json.results) {
                    showResults(json.results);
                } else {
                    showError(json.message || form.dataset.unavailable, json.field);
                }
            }).catch(function () {
                showError(form.dataset.unavailable, null);
            }).then(function () {
                button.disabled = false;
                newCaptcha(next);
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

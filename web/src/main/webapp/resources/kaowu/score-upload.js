/*
 * 成绩管理 (/admin/scores): the score file goes up by a plain multipart POST to /admin/score-upload, which answers
 * with a redirect back to this page carrying the outcome; without script the form works as it is. With script:
 * a file over the limit is refused before a byte is sent (a browser whose upload the server cuts short shows a
 * network error, not the server's message), and the upload — up to 256 MB, minutes on a slow line — shows its
 * progress; when it is answered the page the redirect names is opened. Texts come from hidden elements of the page
 * (the bundles); they are set as text, never as HTML.
 */
(function () {
    "use strict";

    function start() {
        var form = document.getElementById("uploadForm");
        if (!form || !window.XMLHttpRequest || !window.FormData) {
            return;
        }
        var input = document.getElementById("scoreFile");
        var button = document.getElementById("uploadButton");
        var problem = document.getElementById("uploadProblem");
        var bar = document.getElementById("uploadProgress");
        var value = bar.querySelector(".ui-progressbar-value");
        var label = bar.querySelector(".ui-progressbar-label");
        var max = Number(form.getAttribute("data-max-bytes"));
        var texts = {
            tooLarge: document.getElementById("uploadTooLarge").textContent,
            failed: document.getElementById("uploadFailed").textContent
        };

        function say(text) {
            problem.textContent = text || "";
            problem.hidden = !text;
        }

        function tooLarge(file) {
            return file && max > 0 && file.size > max;
        }

        function progress(fraction) {
            var percent = Math.floor(fraction * 100);
            value.style.width = percent + "%";
            value.style.display = "block";
            label.textContent = percent + "%";
            bar.setAttribute("aria-valuenow", String(percent));
        }

        function busy(on) {
            bar.hidden = !on;
            button.disabled = on;
            button.classList.toggle("ui-state-disabled", on);
            input.disabled = on;
        }

        input.addEventListener("change", function () {
            say(tooLarge(input.files[0]) ? texts.tooLarge : "");
        });

        form.addEventListener("submit", function (event) {
            var file = input.files && input.files[0];
            if (!file) {
                return; // the required attribute speaks
            }
            event.preventDefault();
            if (tooLarge(file)) {
                say(texts.tooLarge);
                input.focus();
                return;
            }
            say("");
            var body = new FormData(form); // before busy(): a disabled input is left out
            var xhr = new XMLHttpRequest();
            xhr.open("POST", form.action);
            xhr.upload.addEventListener("progress", function (e) {
                if (e.lengthComputable && e.total > 0) {
                    progress(e.loaded / e.total);
                }
            });
            xhr.addEventListener("load", function () {
                // the redirect was followed: open the page it named (the outcome is in its parameters)
                window.location.assign(xhr.responseURL || window.location.href);
            });
            xhr.addEventListener("error", function () {
                busy(false);
                say(texts.failed);
            });
            progress(0);
            busy(true);
            xhr.send(body);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

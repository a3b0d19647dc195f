/*
 * <kw:captcha>: 换一张 (or a click on the image) loads a new image without submitting the form. The server
 * starts a new challenge for every image, so the old code stops counting; the input is emptied to match.
 * One delegated listener: works for any number of captchas and after ajax updates, without inline script.
 */
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var target = event.target;
        var trigger = target && target.closest ? target.closest(".kw-captcha-refresh, .kw-captcha-image") : null;
        if (!trigger) {
            return;
        }
        event.preventDefault();
        var box = trigger.closest(".kw-captcha");
        var image = box.querySelector(".kw-captcha-image");
        image.src = image.getAttribute("data-src") + "&t=" + Date.now();
        var input = box.querySelector(".kw-captcha-input");
        if (input) {
            input.value = "";
            input.focus();
        }
    });
})();

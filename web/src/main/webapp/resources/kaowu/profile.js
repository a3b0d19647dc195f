/*
 * 个人信息: a file over the upload limit is refused in the browser before a byte is sent, with the message of
 * its upload slot (data-kw-max-bytes / data-kw-too-large). Runs in the capture phase, so PrimeFaces' own
 * change handler (which would start the upload) never sees the file. The server refuses such files too.
 */
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || input.type !== 'file' || !input.closest) {
        return;
    }
    var slot = input.closest('[data-kw-max-bytes]');
    if (!slot) {
        return;
    }
    var error = slot.querySelector('.kw-upload-error');
    var file = input.files && input.files[0];
    if (file && file.size > Number(slot.getAttribute('data-kw-max-bytes'))) {
        event.stopImmediatePropagation();
        input.value = '';
        if (error) {
            error.textContent = slot.getAttribute('data-kw-too-large');
            error.hidden = false;
        }
    } else if (error) {
        error.hidden = true;
        error.textContent = '';
    }
}, true);

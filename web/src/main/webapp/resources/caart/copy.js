/* A button with data-copy="ID" copies the value of the field ID (an invitation link) and says so. */
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-copy]') : null;
  if (!button) {
    return;
  }
  var field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) {
    return;
  }
  var done = function () {
    button.setAttribute('data-copied', 'true');
    var label = button.querySelector('.ui-button-text') || button;
    label.textContent = 'Copied';
  };
  field.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, function () {
      if (document.execCommand('copy')) {
        done();
      }
    });
  } else if (document.execCommand('copy')) {
    done();
  }
});

// The menu button of narrow windows: the menu folds away behind it (without this script the menu stays open).
document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.getElementById('navToggle');
    var nav = document.getElementById('navigation');
    if (!toggle || !nav) {
        return;
    }
    document.documentElement.classList.add('caart-js');
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
        var open = nav.classList.toggle('caart-nav-open');
        toggle.setAttribute('aria-expanded', String(open));
    });
});

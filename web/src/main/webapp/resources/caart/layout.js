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

// A table too wide for its card scrolls sideways; the keyboard can then focus it to scroll (WCAG 2.1.1).
(function () {
    function mark() {
        document.querySelectorAll('.ui-datatable-tablewrapper').forEach(function (wrapper) {
            if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
                wrapper.setAttribute('tabindex', '0');
                wrapper.setAttribute('role', 'region');
                wrapper.setAttribute('aria-label', 'Table (scrolls sideways)');
            } else if (wrapper.getAttribute('role') === 'region') {
                wrapper.removeAttribute('tabindex');
                wrapper.removeAttribute('role');
                wrapper.removeAttribute('aria-label');
            }
        });
    }
    var pending = false;
    function later() {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(function () { pending = false; mark(); });
        }
    }
    document.addEventListener('DOMContentLoaded', function () {
        mark();
        new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
        window.addEventListener('resize', later);
    });
})();

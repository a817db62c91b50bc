/** Optional enhancements served from /static; every page works without them. */

/** Reveals the print link on the confirmation page and makes it print. */
export const printJs = `
document.documentElement.classList.add('js');
var link = document.getElementById('print-link');
if (link) link.addEventListener('click', function (event) { event.preventDefault(); window.print(); });
`;

/**
 * The intake form follows its kind and the anonymous box as they change (the server does the same
 * on the "show the fields" button without JavaScript, and checks everything either way): the fields
 * of other kinds hide (disabled, so nothing stale is sent), categories that do not take the kind
 * grey out, and a chosen category that no longer fits is cleared with a note that says so.
 * Ticking "anonymous" disables the contact fields (a complaint cannot be anonymous: they stay).
 */
export const formJs = `
(function () {
  var form = document.getElementById('intake-form');
  if (!form) return;
  var select = document.getElementById('f-category');
  var note = document.getElementById('f-category-kind-note');
  var radios = form.querySelectorAll('input[name="kind"]');
  var anonymous = document.getElementById('f-reporter-anonymous');
  var identity = ['name', 'phone', 'idNumber', 'email', 'address'].map(function (n) {
    return document.getElementById('f-reporter-' + n);
  }).filter(Boolean);
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var continueBox = form.querySelector('.kind-continue');
  if (continueBox) continueBox.hidden = true;
  function chosen() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked : null;
  }
  function kindOf() { var c = chosen(); return c ? c.value : ''; }
  function takes(el, kind) { return (el.getAttribute('data-kinds') || '').split(' ').indexOf(kind) !== -1; }
  function followCategories(kind, announce) {
    if (!select || !kind) return;
    var selected = select.options[select.selectedIndex];
    if (announce && note) note.textContent = '';
    if (selected && selected.hasAttribute('data-kinds') && !takes(selected, kind)) {
      if (announce && note) {
        var short = chosen().getAttribute('data-short') || kind;
        note.textContent = note.getAttribute('data-template')
          .replace('{category}', selected.getAttribute('data-label') || selected.textContent).replace('{kind}', short);
      }
      select.value = '';
    }
    each(select.querySelectorAll('option[data-kinds]'), function (option) { option.disabled = !takes(option, kind); });
  }
  function followFields(kind) {
    each(form.querySelectorAll('fieldset.kind-only'), function (box) {
      var on = kind !== '' && takes(box, kind);
      box.hidden = !on;
      box.disabled = !on;
    });
  }
  // The product's fields follow the category (product categories only).
  var products = document.getElementById('f-subject-product');
  var later = form.querySelector('.product-later');
  if (later) later.hidden = true;
  function followProduct() {
    if (!products || !select) return;
    var on = (products.getAttribute('data-categories') || '').split(' ').indexOf(select.value) !== -1;
    products.hidden = !on;
    products.disabled = !on;
  }
  if (select) select.addEventListener('change', followProduct);
  function followAnonymous() {
    var off = Boolean(anonymous && anonymous.checked) && kindOf() !== 'complaint';
    identity.forEach(function (input) { input.disabled = off; });
  }
  each(radios, function (radio) {
    radio.addEventListener('change', function () {
      var showAll = form.querySelector('[data-show-all]');
      // The list was cut down to another kind on the server: show the form again with every category, as typed.
      if (showAll && showAll.getAttribute('data-only-kind') !== kindOf()) { showAll.click(); return; }
      followFields(kindOf());
      followCategories(kindOf(), true);
      followProduct();
      followAnonymous();
    });
  });
  if (anonymous) anonymous.addEventListener('change', followAnonymous);
  followCategories(kindOf(), false);
  // A product field with an error stays shown, so it can be read and fixed.
  if (products && !products.querySelector('.field-error')) followProduct();
  followAnonymous();
})();
`;

/** Optional enhancements served from /static; every page works without them. */

/** Reveals the print link on the confirmation page and makes it print. */
export const printJs = `
document.documentElement.classList.add('js');
var link = document.getElementById('print-link');
if (link) link.addEventListener('click', function (event) { event.preventDefault(); window.print(); });
`;

/** Greys out the categories that do not take the chosen kind (the server checks it either way). */
export const formJs = `
(function () {
  var select = document.getElementById('f-category');
  var radios = document.querySelectorAll('input[name="kind"]');
  if (!select || !radios.length) return;
  function update() {
    var checked = document.querySelector('input[name="kind"]:checked');
    var kind = checked ? checked.value : '';
    Array.prototype.forEach.call(select.querySelectorAll('option[data-kinds]'), function (option) {
      option.disabled = kind !== '' && option.getAttribute('data-kinds').split(' ').indexOf(kind) === -1;
    });
    var selected = select.options[select.selectedIndex];
    if (selected && selected.disabled) select.value = '';
  }
  Array.prototype.forEach.call(radios, function (radio) { radio.addEventListener('change', update); });
  update();
})();
`;

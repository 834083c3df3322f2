function applyFilters(){
  const on = {};
  document.querySelectorAll('.filters input').forEach(function(i){ on[i.dataset.kind + ':' + i.value] = i.checked; });
  document.querySelectorAll('.finding').forEach(function(f){
    const show = on['severity:' + f.dataset.severity] && on['check:' + f.dataset.check]
      && on['status:' + f.dataset.status];
    f.classList.toggle('hidden', !show);
  });
}
document.querySelectorAll('.filters input').forEach(function(i){ i.addEventListener('change', applyFilters); });

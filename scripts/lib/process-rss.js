const fs = require('node:fs');

/** RSS in bytes of a process and, separately, of it plus all its descendants (Linux /proc). */
function treeRss(pid) {
  const rssOf = (p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  };
  const children = (p) => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const self = rssOf(pid);
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rssOf(p);
    stack.push(...children(p));
  }
  return { self, total };
}

module.exports = { treeRss };

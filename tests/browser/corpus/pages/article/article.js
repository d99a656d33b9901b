// A long essay: generated (deterministic) text with figures, quotes, a table of contents that
// follows the reader, a reading-progress bar, lazily "loaded" figures and a comment form.
(() => {
  const rand = Seeded.random(1877);
  const TITLES = [
    "Fire on the headland", "Oil, wicks and the Argand lamp", "The lens that bends the sea", "Stone against the swell",
    "Clockwork and the rotating light", "Characters: how towers speak", "The keepers' logbooks", "Fog signals and the horn",
    "Supply boats and hard winters", "Electric light arrives", "Automation and the last keepers", "What the logs still teach us",
  ];
  const sections = document.getElementById("sections");
  const toc = document.getElementById("toc");
  TITLES.forEach((title, index) => {
    const id = `section-${index + 1}`;
    const section = document.createElement("section");
    section.id = id;
    const heading = document.createElement("h2");
    heading.textContent = title;
    section.append(heading);
    const paragraphCount = 4 + Math.floor(rand() * 3);
    for (let p = 0; p < paragraphCount; p += 1) {
      const paragraph = document.createElement("p");
      paragraph.textContent = Seeded.paragraph(rand, 4, 8);
      section.append(paragraph);
      if (p === 1 && index % 3 === 0) {
        const figure = document.createElement("figure");
        figure.innerHTML = `<div class="figure-art" data-lazy><div class="beam"></div><div class="tower"></div></div>
          <figcaption>Figure ${index / 3 + 1}. ${Seeded.sentence(rand, 6, 12)}</figcaption>`;
        section.append(figure);
      }
      if (p === 2 && index % 4 === 1) {
        const quote = document.createElement("blockquote");
        quote.textContent = `“${Seeded.sentence(rand, 10, 18)}” — from a keeper's log, ${1840 + index * 9}`;
        section.append(quote);
      }
      if (p === 3 && index === 4) {
        const pre = document.createElement("pre");
        pre.textContent = "period   = flashes × (dark + light)\ncharacter = Fl(3) W 15s   // three white flashes every 15 s\nrange_nm  = 1.17 × (√h_lamp + √h_eye)";
        section.append(pre);
      }
    }
    const note = document.createElement("p");
    note.className = "footnote";
    note.textContent = `Note ${index + 1}: ${Seeded.sentence(rand, 8, 14)}`;
    section.append(note);
    sections.append(section);
    const item = document.createElement("li");
    item.innerHTML = `<a href="#${id}">${title}</a>`;
    toc.append(item);
  });

  const related = document.getElementById("related");
  for (let index = 0; index < 6; index += 1) {
    const item = document.createElement("li");
    item.innerHTML = `<a href="/article/">${Seeded.sentence(rand, 4, 8).replace(/\.$/, "")}</a><br><span class="muted">${4 + Math.floor(rand() * 20)} min read</span>`;
    related.append(item);
  }

  const progress = document.getElementById("reading-progress");
  const backToTop = document.getElementById("back-to-top");
  const tocLinks = [...toc.querySelectorAll("a")];
  let current = null;
  function onScroll() {
    const max = document.documentElement.scrollHeight - innerHeight;
    progress.style.width = `${Math.min(100, (scrollY / Math.max(1, max)) * 100).toFixed(1)}%`;
    backToTop.hidden = scrollY < 900;
    let active = null;
    for (const link of tocLinks) {
      const target = document.querySelector(link.getAttribute("href"));
      if (target.getBoundingClientRect().top < 140) {
        active = link;
      }
    }
    if (active !== current) {
      current?.classList.remove("current");
      active?.classList.add("current");
      current = active;
    }
  }
  addEventListener("scroll", onScroll, { passive: true });
  backToTop.addEventListener("click", () => scrollTo({ top: 0, behavior: "smooth" }));

  const lazyObserver = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        setTimeout(() => entry.target.classList.add("loaded"), 250);
        lazyObserver.unobserve(entry.target);
      }
    }
  });
  document.querySelectorAll("[data-lazy]").forEach((figure) => lazyObserver.observe(figure));

  document.getElementById("newsletter-submit").addEventListener("click", () => {
    const email = document.getElementById("newsletter-email").value;
    document.getElementById("newsletter-status").textContent = email.includes("@") ? "Thanks — check your inbox." : "Please enter an email address.";
  });
  document.getElementById("subscribe").addEventListener("click", () => document.getElementById("newsletter-email").focus());

  const commentList = document.getElementById("comment-list");
  const commentCount = document.getElementById("comment-count");
  function addComment(name, text) {
    const item = document.createElement("li");
    item.className = "comment";
    item.innerHTML = "<strong></strong> <span class=\"muted\">just now</span><p></p>";
    item.querySelector("strong").textContent = name;
    item.querySelector("p").textContent = text;
    commentList.append(item);
    commentCount.textContent = String(commentList.children.length);
  }
  for (let index = 0; index < 5; index += 1) {
    addComment(Seeded.personName(rand), Seeded.paragraph(rand, 1, 3));
  }
  document.getElementById("comment-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = document.getElementById("comment-name");
    const text = document.getElementById("comment-text");
    if (text.value.trim() !== "") {
      addComment(name.value || "Anonymous", text.value);
      text.value = "";
    }
  });
})();

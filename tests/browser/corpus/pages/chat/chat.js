// A team chat: channels with history, messages arriving on their own every few seconds (with a
// typing indicator), unread badges, reactions, presence changes and a composer.
(() => {
  const rand = Seeded.random(2024);
  const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Ken Thompson", "Radia Perlman", "Niklaus Wirth", "Frances Allen", "Dennis Ritchie"];
  const COLORS = ["#7c3aed", "#db2777", "#ea580c", "#0891b2", "#4d7c0f", "#b45309", "#1d4ed8"];
  const CHANNELS = [
    { name: "general", topic: "Company-wide announcements and chatter" },
    { name: "harbor-ops", topic: "Berths, pilots and tides" },
    { name: "maintenance", topic: "Engines, hulls and the crane" },
    { name: "weather", topic: "Forecasts and warnings" },
    { name: "random", topic: "Everything else" },
    { name: "deploys", topic: "Release notes for the booking system" },
  ];
  const LINES = [
    "Pilot boat is back at the north pier.", "Can someone check berth C14? The power post is tripping again.", "Forecast says gusts up to 40 knots tonight.",
    "I moved the Morning Spray to D3 for the lift-out.", "Fuel dock closes early today, 16:00.", "Anyone seen the spare shackles? Not in the store.",
    "Customs will board the Silver Tern at 14:30.", "New booking form is live, let me know if anything looks off.", "Crane inspection passed 🎉",
    "Low water at 15:42, keep the deep-keel boats off the inner pontoon.", "Coffee machine in the office is fixed.", "The harbour master wants the incident report by Friday.",
    "Two yachts waiting outside for a berth, can we take them at A-row?", "Shore power meter readings uploaded.", "Ice on the east gangway, salt it please.",
  ];
  const state = { active: "general", histories: {}, unread: {}, typingTimer: null };
  const avatar = (name) => name.split(" ").map((part) => part[0]).join("");
  const colorOf = (name) => COLORS[PEOPLE.indexOf(name) % COLORS.length] ?? "#475569";

  for (const channel of CHANNELS) {
    const history = [];
    const count = 8 + Math.floor(rand() * 10);
    let time = Date.now() - count * 7 * 60000;
    for (let index = 0; index < count; index += 1) {
      time += Math.floor(rand() * 12 * 60000);
      history.push({ author: Seeded.pick(rand, PEOPLE), text: rand() < 0.6 ? Seeded.pick(rand, LINES) : Seeded.sentence(rand, 6, 18), time, reactions: rand() < 0.2 ? { "👍": 1 + Math.floor(rand() * 3) } : {} });
    }
    state.histories[channel.name] = history;
    state.unread[channel.name] = 0;
  }

  const channelsElement = document.getElementById("channels");
  const peopleElement = document.getElementById("people");
  const messagesElement = document.getElementById("messages");
  const typing = document.getElementById("typing");
  const messageInput = document.getElementById("message");

  function renderChannels() {
    const filter = document.getElementById("channel-search").value.toLowerCase();
    channelsElement.replaceChildren(...CHANNELS.filter((channel) => channel.name.includes(filter)).map((channel) => {
      const item = document.createElement("li");
      item.dataset.channel = channel.name;
      item.className = `${channel.name === state.active ? "active" : ""} ${state.unread[channel.name] ? "unread" : ""}`;
      item.innerHTML = `<span># ${channel.name}</span>${state.unread[channel.name] ? `<span class="count">${state.unread[channel.name]}</span>` : ""}`;
      return item;
    }));
  }
  function renderPeople() {
    peopleElement.replaceChildren(...PEOPLE.map((person, index) => {
      const item = document.createElement("li");
      item.innerHTML = `<span><span class="presence ${index % 3 !== 2 ? "online" : ""}"></span>${person}</span>`;
      return item;
    }));
  }
  function messageElement(message) {
    const item = document.createElement("li");
    item.className = `message${message.author === "You" ? " mine" : ""}`;
    const reactions = Object.entries(message.reactions).map(([emoji, count]) => `<button class="reaction" data-emoji="${emoji}">${emoji} ${count}</button>`).join("");
    item.innerHTML = `<span class="avatar" style="background:${colorOf(message.author)}">${avatar(message.author)}</span>
      <div><div class="meta"><strong></strong>${new Date(message.time).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}</div><p></p>
      <div class="reactions">${reactions}<button class="reaction add">+ 🙂</button></div></div>`;
    item.querySelector("strong").textContent = message.author;
    item.querySelector("p").textContent = message.text;
    item._message = message;
    return item;
  }
  function renderMessages() {
    const channel = CHANNELS.find((candidate) => candidate.name === state.active);
    document.getElementById("channel-title").textContent = `# ${channel.name}`;
    document.getElementById("channel-topic").textContent = channel.topic;
    document.getElementById("members").textContent = `${PEOPLE.length + 1} members`;
    messageInput.placeholder = `Message #${channel.name}`;
    const day = document.createElement("li");
    day.className = "day";
    day.textContent = "Today";
    messagesElement.replaceChildren(day, ...state.histories[state.active].map(messageElement));
    messagesElement.scrollTop = messagesElement.scrollHeight;
  }
  function post(channelName, message) {
    console.log(`[socket] message in #${channelName} from ${message.author}`);
    state.histories[channelName].push(message);
    if (channelName === state.active) {
      const nearBottom = messagesElement.scrollHeight - messagesElement.scrollTop - messagesElement.clientHeight < 120;
      messagesElement.append(messageElement(message));
      if (nearBottom || message.author === "You") messagesElement.scrollTop = messagesElement.scrollHeight;
    } else {
      state.unread[channelName] += 1;
      renderChannels();
    }
  }
  function scheduleIncoming() {
    setTimeout(() => {
      const channelName = rand() < 0.65 ? state.active : Seeded.pick(rand, CHANNELS).name;
      const author = Seeded.pick(rand, PEOPLE);
      if (channelName === state.active) {
        typing.textContent = `${author} is typing…`;
        setTimeout(() => {
          typing.textContent = "";
          post(channelName, { author, text: rand() < 0.7 ? Seeded.pick(rand, LINES) : Seeded.sentence(rand, 5, 16), time: Date.now(), reactions: {} });
        }, 1200 + rand() * 1800);
      } else {
        post(channelName, { author, text: Seeded.pick(rand, LINES), time: Date.now(), reactions: {} });
      }
      scheduleIncoming();
    }, 2500 + rand() * 5000);
  }

  channelsElement.addEventListener("click", (event) => {
    const item = event.target.closest("li[data-channel]");
    if (!item) return;
    state.active = item.dataset.channel;
    state.unread[state.active] = 0;
    typing.textContent = "";
    renderChannels();
    renderMessages();
  });
  document.getElementById("channel-search").addEventListener("input", renderChannels);
  messagesElement.addEventListener("click", (event) => {
    const button = event.target.closest(".reaction");
    if (!button) return;
    const message = button.closest(".message")._message;
    const emoji = button.classList.contains("add") ? "🙂" : button.dataset.emoji;
    message.reactions[emoji] = (message.reactions[emoji] ?? 0) + 1;
    button.closest(".message").replaceWith(messageElement(message));
  });
  document.getElementById("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = messageInput.value.trim();
    if (text) {
      post(state.active, { author: "You", text, time: Date.now(), reactions: {} });
      messageInput.value = "";
    }
  });
  messageInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("composer").requestSubmit();
    }
  });
  setInterval(() => {
    const dots = peopleElement.querySelectorAll(".presence");
    dots[Math.floor(rand() * dots.length)].classList.toggle("online");
  }, 9000);

  renderChannels();
  renderPeople();
  renderMessages();
  scheduleIncoming();
})();

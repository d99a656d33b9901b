// A five-step application form: validation on blur and on Continue, conditional hints, a
// password strength meter, a character counter, a range output and a review step.
(() => {
  const form = document.getElementById("application");
  const steps = [...form.querySelectorAll("fieldset[data-step]")];
  const stepLabels = [...document.querySelectorAll("#steps li")];
  const back = document.getElementById("back");
  const next = document.getElementById("continue");
  const errorSummary = document.getElementById("error-summary");
  let current = 0;

  function fieldError(input) {
    if (input.type === "checkbox") return input.required && !input.checked ? "Please accept to continue." : "";
    const value = input.value.trim();
    if (input.required && value === "") return "This field is required.";
    if (input.type === "email" && value && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return "Enter an email address like name@example.com.";
    if (input.type === "tel" && value && value.replace(/\D/g, "").length < 8) return "Enter a phone number with at least 8 digits.";
    if (input.id === "postcode" && value && value.length < 4) return "Postcodes have at least 4 characters.";
    if (input.type === "number" && value && (Number(value) < Number(input.min) || Number(value) > Number(input.max))) return `Between ${input.min} and ${input.max}.`;
    if (input.id === "password" && value && value.length < 10) return "Use at least 10 characters.";
    if (input.id === "password-again" && value !== document.getElementById("password").value) return "The passwords differ.";
    return "";
  }
  function showError(input) {
    const field = input.closest(".field");
    if (!field) return true;
    const message = fieldError(input);
    field.classList.toggle("invalid", message !== "");
    let error = field.querySelector(".error");
    if (message && !error) {
      error = document.createElement("span");
      error.className = "error";
      field.append(error);
    }
    if (error) {
      if (message) error.textContent = message; else error.remove();
    }
    return message === "";
  }
  form.addEventListener("focusout", (event) => {
    if (event.target.matches("input, select, textarea")) showError(event.target);
  });
  form.addEventListener("input", (event) => {
    if (event.target.closest(".field.invalid")) showError(event.target);
  });

  const password = document.getElementById("password");
  password.addEventListener("input", () => {
    const value = password.value;
    const score = [value.length >= 10, /[A-Z]/.test(value), /[0-9]/.test(value), /[^A-Za-z0-9]/.test(value)].filter(Boolean).length;
    const bar = document.getElementById("strength-bar");
    bar.style.width = `${score * 25}%`;
    bar.style.background = ["#b91c1c", "#b91c1c", "#b45309", "#65a30d", "#15803d"][score];
    document.getElementById("strength-label").textContent = ["Too short", "Weak", "Fair", "Good", "Strong"][score];
  });
  const requests = document.getElementById("requests");
  requests.addEventListener("input", () => {
    document.getElementById("requests-counter").textContent = `${requests.value.length} / 500`;
  });
  const budget = document.getElementById("budget");
  budget.addEventListener("input", () => {
    document.getElementById("budget-output").textContent = `€${budget.value}`;
  });

  function show(step) {
    current = step;
    steps.forEach((fieldset, index) => { fieldset.hidden = index !== step; });
    stepLabels.forEach((label, index) => {
      label.className = index === step ? "current" : index < step ? "done" : "";
    });
    back.disabled = step === 0;
    next.textContent = step === steps.length - 1 ? "Submit application" : "Continue";
    errorSummary.textContent = "";
    if (step === steps.length - 1) renderReview();
    scrollTo({ top: 0 });
  }
  function renderReview() {
    const review = document.getElementById("review");
    review.replaceChildren();
    for (const input of form.querySelectorAll("fieldset:not([data-step='4']) input, fieldset:not([data-step='4']) select, fieldset:not([data-step='4']) textarea")) {
      if (input.type === "password" || (input.type === "radio" && !input.checked) || (input.type === "checkbox" && !input.checked)) continue;
      const label = input.type === "radio" || input.type === "checkbox" ? input.name || input.id : form.querySelector(`label[for='${input.id}']`)?.textContent ?? input.id;
      const term = document.createElement("dt");
      term.textContent = label;
      const value = document.createElement("dd");
      value.textContent = input.type === "radio" || input.type === "checkbox" ? input.value : input.value || "—";
      review.append(term, value);
    }
  }
  next.addEventListener("click", () => {
    const inputs = [...steps[current].querySelectorAll("input, select, textarea")];
    const valid = inputs.map(showError).every(Boolean);
    if (!valid) {
      const count = steps[current].querySelectorAll(".field.invalid").length;
      errorSummary.textContent = `Please fix ${count} field${count === 1 ? "" : "s"} before continuing.`;
      return;
    }
    if (current < steps.length - 1) {
      show(current + 1);
    } else {
      form.hidden = true;
      document.getElementById("steps").hidden = true;
      document.getElementById("reference").textContent = `MB-${Date.now().toString(36).toUpperCase()}`;
      document.getElementById("done").hidden = false;
    }
  });
  back.addEventListener("click", () => show(current - 1));
})();

/* A button that folds a panel open and shut: aria-expanded on the button, hidden on the panel
   it controls. Escape inside the panel folds it and gives the focus back to the button. */

export class Disclosure {
  constructor(button) {
    this.button = button;
    this.panel = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", () => this.set(!this.isOpen));
    this.panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !e.defaultPrevented && !e.target.closest("dialog")) {
        e.preventDefault();
        this.set(false);
        button.focus();
      }
    });
  }

  get isOpen() { return this.button.getAttribute("aria-expanded") === "true"; }

  set(open) {
    this.button.setAttribute("aria-expanded", String(open));
    this.panel.hidden = !open;
  }
}

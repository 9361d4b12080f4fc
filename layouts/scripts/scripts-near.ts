/**
 * Scripts of features that sit below the text (the share buttons, the
 * comment widget's loader) load when their part of the page comes near the
 * viewport, not with the page: a reader who only reads downloads none of
 * them. The feature's element names its script: `data-script="/assets/share.….js"`
 * (an ES module, imported once however many elements name it).
 */
const MARGIN = "400px 0px";

export function loadScriptsNear(): void {
  const elements = document.querySelectorAll<HTMLElement>("[data-script]");
  const load = (element: HTMLElement) => void import(element.dataset.script!);
  if (!("IntersectionObserver" in window)) {
    elements.forEach(load);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        load(entry.target as HTMLElement);
      }
    },
    { rootMargin: MARGIN },
  );
  elements.forEach((element) => observer.observe(element));
}

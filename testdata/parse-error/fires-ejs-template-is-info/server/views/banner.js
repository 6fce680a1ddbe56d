// A Handlebars template saved as `.js`.
{{#if announcement}}
showBanner({{{json announcement}}});
{{/if}}

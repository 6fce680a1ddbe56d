// fires: an EJS template saved as `.js`; the server renders it into JavaScript, so it is skipped with one info, not reported as broken code
window.settings = {
  user: <%- JSON.stringify(user) %>,
  theme: "<%= theme %>",
};
<% if (debug) { %>
console.log("debug build");
<% } %>

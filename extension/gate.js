// JS twin of src/sites/surface.rs detect(): same fixtures, same word lists. Defines one global, nothing else.
globalThis.answerdeckSurface = function (href) {
  var FB = "|watch|marketplace|gaming|games|notifications|friends|bookmarks|saved|events|groups|stories|memories|live|reels|fundraisers|jobs|settings|login|logout|recover|checkpoint|privacy|policies|policy|legal|terms|help|security|ads|adsmanager|business|latest|developers|careers|pages|me|search|hashtag|people|profile|messages|reel|photo|photos|video|videos|media|notes|story|permalink|share|sharer|dialog|plugins|l|p|";
  var MSG = /^(t|e2ee|requests|marketplace|archived|new)$/;
  var XR = "|home|explore|search|notifications|messages|compose|settings|i|login|logout|signup|account|oauth|intent|share|tos|privacy|rules|about|jobs|download|hashtag|who_to_follow|";
  var m = /^https?:\/\/(?:[^\/?#]*@)?([^\/?#:]*)[^\/?#]*([^?#]*)(?:\?([^#]*))?/i.exec(("" + href).trim());
  if (!m) return null;
  var h = m[1].toLowerCase().replace(/\.$/, ""), q = m[3] || "", D = /^\d+$/;
  var s = m[2].split("/").filter(Boolean), n = s.length, a = s[0], b = s[1];
  var POST = "facebook-post", PAGE = "facebook-page", INBOX = a == "latest" && b == "inbox" ? "business-inbox" : null;
  function listed(list, w) { return list.indexOf("|" + w.toLowerCase() + "|") >= 0; } // w has no "|"
  function has(k) { return !!(RegExp("(^|&)" + k + "(=([^&]*))?(&|$)").exec(q) || [])[3]; }
  function post(ok) { return ok ? POST : null; }
  if (h == "business.facebook.com") return INBOX;
  if (/^(www\.)?messenger\.com$/.test(h)) return !n || MSG.test(a) ? "facebook-messenger" : null;
  if (/^((www|mobile)\.)?(x|twitter)\.com$/.test(h)) {
    if (a == "messages") return "x-legacy-dm";
    if (a == "i" && b == "chat") return "x-chat";
    if (a == "i" && b == "web") s.shift();
    if (s[1] == "status" && D.test(s[2]) && (a == "i" || (/^\w{1,20}$/.test(a) && !listed(XR, a)))) return "x-status";
    return a == "compose" && /^(post|tweet)$/.test(b) ? "x-compose" : null;
  }
  if (!/^((www|web)\.)?facebook\.com$/.test(h) || !n) return null;
  if (a == "messages") return "facebook-messenger";
  if (INBOX) return INBOX;
  if (n == 1 && /^(permalink|story)\.php$/.test(a)) return post(has("story_fbid"));
  if (n == 1 && /^photo(\.php)?$/.test(a)) return post(has("fbid"));
  if (a == "watch" || (n == 1 && a == "video.php")) return post(has("v"));
  if ((a == "reel" && n > 1) || (a == "share" && n > 2 && /^[prv]$/.test(b))) return POST;
  if (a == "groups") return post(n > 3 ? /^(posts|permalink)$/.test(s[2]) : n == 2 && has("multi_permalinks"));
  if (a == "profile.php" && n == 1) return has("id") && !has("sk") ? PAGE : null;
  if (a == "p" && n == 2 && /-\d+$/.test(b)) return PAGE;
  if (a == "pages" && n == 3 && D.test(s[2])) return PAGE;
  if (!/^[A-Za-z0-9.-]+$/.test(a) || /\.php$/i.test(a) || listed(FB, a)) return null;
  if (n == 1 || (n == 2 && b == "posts")) return PAGE;
  return post(n > 2 && /^(posts|photos|videos)$/.test(b));
};

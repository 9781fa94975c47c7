import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __toESM
} from "./chunk-OXRXBV5P.js";

// node_modules/email-addresses/lib/email-addresses.js
var require_email_addresses = __commonJS({
  "node_modules/email-addresses/lib/email-addresses.js"(exports, module) {
    (function(global) {
      "use strict";
      function parse5322(opts) {
        function inStr() {
          return pos < len;
        }
        function curTok() {
          return parseString[pos];
        }
        function getPos() {
          return pos;
        }
        function setPos(i) {
          pos = i;
        }
        function nextTok() {
          pos += 1;
        }
        function initialize() {
          pos = 0;
          len = parseString.length;
        }
        function o(name, value) {
          return {
            name,
            tokens: value || "",
            semantic: value || "",
            children: []
          };
        }
        function wrap(name, ast) {
          var n;
          if (ast === null) {
            return null;
          }
          n = o(name);
          n.tokens = ast.tokens;
          n.semantic = ast.semantic;
          n.children.push(ast);
          return n;
        }
        function add(parent, child) {
          if (child !== null) {
            parent.tokens += child.tokens;
            parent.semantic += child.semantic;
          }
          parent.children.push(child);
          return parent;
        }
        function compareToken(fxnCompare) {
          var tok;
          if (!inStr()) {
            return null;
          }
          tok = curTok();
          if (fxnCompare(tok)) {
            nextTok();
            return o("token", tok);
          }
          return null;
        }
        function noop() {
          return null;
        }
        function literal(lit) {
          return function literalFunc() {
            return wrap("literal", compareToken(function(tok) {
              return tok === lit;
            }));
          };
        }
        function and() {
          var args = arguments;
          return function andFunc() {
            var i, s, result, start;
            start = getPos();
            s = o("and");
            for (i = 0; i < args.length; i += 1) {
              result = args[i]();
              if (result === null) {
                setPos(start);
                return null;
              }
              add(s, result);
            }
            return s;
          };
        }
        function or() {
          var args = arguments;
          return function orFunc() {
            var i, result, start;
            start = getPos();
            for (i = 0; i < args.length; i += 1) {
              result = args[i]();
              if (result !== null) {
                return result;
              }
              setPos(start);
            }
            return null;
          };
        }
        function opt(prod) {
          return function optFunc() {
            var result, start;
            start = getPos();
            result = prod();
            if (result !== null) {
              return result;
            } else {
              setPos(start);
              return o("opt");
            }
          };
        }
        function invis(prod) {
          return function invisFunc() {
            var result = prod();
            if (result !== null) {
              result.semantic = "";
            }
            return result;
          };
        }
        function colwsp(prod) {
          return function collapseSemanticWhitespace() {
            var result = prod();
            if (result !== null && result.semantic.length > 0) {
              result.semantic = " ";
            }
            return result;
          };
        }
        function star(prod, minimum) {
          return function starFunc() {
            var s, result, count, start, min;
            start = getPos();
            s = o("star");
            count = 0;
            min = minimum === void 0 ? 0 : minimum;
            while ((result = prod()) !== null) {
              count = count + 1;
              add(s, result);
            }
            if (count >= min) {
              return s;
            } else {
              setPos(start);
              return null;
            }
          };
        }
        function collapseWhitespace(s) {
          return s.replace(/([ \t]|\r\n)+/g, " ").replace(/^\s*/, "").replace(/\s*$/, "");
        }
        function isUTF8NonAscii(tok) {
          return tok.charCodeAt(0) >= 128;
        }
        function cr() {
          return wrap("cr", literal("\r")());
        }
        function crlf() {
          return wrap("crlf", and(cr, lf)());
        }
        function dquote() {
          return wrap("dquote", literal('"')());
        }
        function htab() {
          return wrap("htab", literal("	")());
        }
        function lf() {
          return wrap("lf", literal("\n")());
        }
        function sp() {
          return wrap("sp", literal(" ")());
        }
        function vchar() {
          return wrap("vchar", compareToken(function vcharFunc(tok) {
            var code = tok.charCodeAt(0);
            var accept = 33 <= code && code <= 126;
            if (opts.rfc6532) {
              accept = accept || isUTF8NonAscii(tok);
            }
            return accept;
          }));
        }
        function wsp() {
          return wrap("wsp", or(sp, htab)());
        }
        function quotedPair() {
          var qp = wrap(
            "quoted-pair",
            or(
              and(literal("\\"), or(vchar, wsp)),
              obsQP
            )()
          );
          if (qp === null) {
            return null;
          }
          qp.semantic = qp.semantic[1];
          return qp;
        }
        function fws() {
          return wrap("fws", or(
            obsFws,
            and(
              opt(and(
                star(wsp),
                invis(crlf)
              )),
              star(wsp, 1)
            )
          )());
        }
        function ctext() {
          return wrap("ctext", or(
            function ctextFunc1() {
              return compareToken(function ctextFunc2(tok) {
                var code = tok.charCodeAt(0);
                var accept = 33 <= code && code <= 39 || 42 <= code && code <= 91 || 93 <= code && code <= 126;
                if (opts.rfc6532) {
                  accept = accept || isUTF8NonAscii(tok);
                }
                return accept;
              });
            },
            obsCtext
          )());
        }
        function ccontent() {
          return wrap("ccontent", or(ctext, quotedPair, comment)());
        }
        function comment() {
          return wrap("comment", and(
            literal("("),
            star(and(opt(fws), ccontent)),
            opt(fws),
            literal(")")
          )());
        }
        function cfws() {
          return wrap("cfws", or(
            and(
              star(
                and(opt(fws), comment),
                1
              ),
              opt(fws)
            ),
            fws
          )());
        }
        function atext() {
          return wrap("atext", compareToken(function atextFunc(tok) {
            var accept = "a" <= tok && tok <= "z" || "A" <= tok && tok <= "Z" || "0" <= tok && tok <= "9" || [
              "!",
              "#",
              "$",
              "%",
              "&",
              "'",
              "*",
              "+",
              "-",
              "/",
              "=",
              "?",
              "^",
              "_",
              "`",
              "{",
              "|",
              "}",
              "~"
            ].indexOf(tok) >= 0;
            if (opts.rfc6532) {
              accept = accept || isUTF8NonAscii(tok);
            }
            return accept;
          }));
        }
        function atom() {
          return wrap("atom", and(colwsp(opt(cfws)), star(atext, 1), colwsp(opt(cfws)))());
        }
        function dotAtomText() {
          var s, maybeText;
          s = wrap("dot-atom-text", star(atext, 1)());
          if (s === null) {
            return s;
          }
          maybeText = star(and(literal("."), star(atext, 1)))();
          if (maybeText !== null) {
            add(s, maybeText);
          }
          return s;
        }
        function dotAtom() {
          return wrap("dot-atom", and(invis(opt(cfws)), dotAtomText, invis(opt(cfws)))());
        }
        function qtext() {
          return wrap("qtext", or(
            function qtextFunc1() {
              return compareToken(function qtextFunc2(tok) {
                var code = tok.charCodeAt(0);
                var accept = 33 === code || 35 <= code && code <= 91 || 93 <= code && code <= 126;
                if (opts.rfc6532) {
                  accept = accept || isUTF8NonAscii(tok);
                }
                return accept;
              });
            },
            obsQtext
          )());
        }
        function qcontent() {
          return wrap("qcontent", or(qtext, quotedPair)());
        }
        function quotedString() {
          return wrap("quoted-string", and(
            invis(opt(cfws)),
            invis(dquote),
            star(and(opt(colwsp(fws)), qcontent)),
            opt(invis(fws)),
            invis(dquote),
            invis(opt(cfws))
          )());
        }
        function word() {
          return wrap("word", or(atom, quotedString)());
        }
        function phrase() {
          return wrap("phrase", or(obsPhrase, star(word, 1))());
        }
        function address() {
          return wrap("address", or(mailbox, group)());
        }
        function mailbox() {
          return wrap("mailbox", or(nameAddr, addrSpec)());
        }
        function nameAddr() {
          return wrap("name-addr", and(opt(displayName2), angleAddr)());
        }
        function angleAddr() {
          return wrap("angle-addr", or(
            and(
              invis(opt(cfws)),
              literal("<"),
              addrSpec,
              literal(">"),
              invis(opt(cfws))
            ),
            obsAngleAddr
          )());
        }
        function group() {
          return wrap("group", and(
            displayName2,
            literal(":"),
            opt(groupList),
            literal(";"),
            invis(opt(cfws))
          )());
        }
        function displayName2() {
          return wrap("display-name", (function phraseFixedSemantic() {
            var result = phrase();
            if (result !== null) {
              result.semantic = collapseWhitespace(result.semantic);
            }
            return result;
          })());
        }
        function mailboxList() {
          return wrap("mailbox-list", or(
            and(
              mailbox,
              star(and(literal(","), mailbox))
            ),
            obsMboxList
          )());
        }
        function addressList() {
          return wrap("address-list", or(
            and(
              address,
              star(and(literal(opts.addressListSeparator), address))
            ),
            obsAddrList
          )());
        }
        function groupList() {
          return wrap("group-list", or(
            mailboxList,
            invis(cfws),
            obsGroupList
          )());
        }
        function localPart() {
          return wrap("local-part", or(obsLocalPart, dotAtom, quotedString)());
        }
        function dtext() {
          return wrap(
            "dtext",
            or(
              function dtextFunc1() {
                return compareToken(function dtextFunc2(tok) {
                  var code = tok.charCodeAt(0);
                  var accept = 33 <= code && code <= 90 || 94 <= code && code <= 126;
                  if (opts.rfc6532) {
                    accept = accept || isUTF8NonAscii(tok);
                  }
                  return accept;
                });
              },
              obsDtext
            )()
          );
        }
        function domainLiteral() {
          return wrap("domain-literal", and(
            invis(opt(cfws)),
            literal("["),
            star(and(opt(fws), dtext)),
            opt(fws),
            literal("]"),
            invis(opt(cfws))
          )());
        }
        function domain() {
          return wrap("domain", (function domainCheckTLD() {
            var result = or(obsDomain, dotAtom, domainLiteral)();
            if (opts.rejectTLD) {
              if (result && result.semantic && result.semantic.indexOf(".") < 0) {
                return null;
              }
            }
            if (result) {
              result.semantic = result.semantic.replace(/\s+/g, "");
            }
            return result;
          })());
        }
        function addrSpec() {
          return wrap("addr-spec", and(
            localPart,
            literal("@"),
            domain
          )());
        }
        function fromSpec() {
          return wrap("from", or(
            mailboxList,
            addressList
          )());
        }
        function senderSpec() {
          return wrap("sender", or(
            mailbox,
            address
          )());
        }
        function replyToSpec() {
          return wrap("reply-to", addressList());
        }
        function obsNoWsCtl() {
          return opts.strict ? null : wrap("obs-NO-WS-CTL", compareToken(function(tok) {
            var code = tok.charCodeAt(0);
            return 1 <= code && code <= 8 || (11 === code || 12 === code) || 14 <= code && code <= 31 || 127 === code;
          }));
        }
        function obsCtext() {
          return opts.strict ? null : wrap("obs-ctext", obsNoWsCtl());
        }
        function obsQtext() {
          return opts.strict ? null : wrap("obs-qtext", obsNoWsCtl());
        }
        function obsQP() {
          return opts.strict ? null : wrap("obs-qp", and(
            literal("\\"),
            or(literal("\0"), obsNoWsCtl, lf, cr)
          )());
        }
        function obsPhrase() {
          return opts.strict ? null : wrap("obs-phrase", and(
            word,
            star(or(
              word,
              literal("."),
              opts.atInDisplayName ? literal("@") : noop,
              opts.commaInDisplayName ? literal(",") : noop,
              colwsp(cfws)
            ))
          )());
        }
        function obsFws() {
          return opts.strict ? null : wrap("obs-FWS", star(
            and(invis(opt(crlf)), wsp),
            1
          )());
        }
        function obsAngleAddr() {
          return opts.strict ? null : wrap("obs-angle-addr", and(
            invis(opt(cfws)),
            literal("<"),
            obsRoute,
            addrSpec,
            literal(">"),
            invis(opt(cfws))
          )());
        }
        function obsRoute() {
          return opts.strict ? null : wrap("obs-route", and(
            obsDomainList,
            literal(":")
          )());
        }
        function obsDomainList() {
          return opts.strict ? null : wrap("obs-domain-list", and(
            star(or(invis(cfws), literal(","))),
            literal("@"),
            domain,
            star(and(
              literal(","),
              invis(opt(cfws)),
              opt(and(literal("@"), domain))
            ))
          )());
        }
        function obsMboxList() {
          return opts.strict ? null : wrap("obs-mbox-list", and(
            star(and(
              invis(opt(cfws)),
              literal(",")
            )),
            mailbox,
            star(and(
              literal(","),
              opt(and(
                mailbox,
                invis(cfws)
              ))
            ))
          )());
        }
        function obsAddrList() {
          return opts.strict ? null : wrap("obs-addr-list", and(
            star(and(
              invis(opt(cfws)),
              literal(",")
            )),
            address,
            star(and(
              literal(","),
              opt(and(
                address,
                invis(cfws)
              ))
            ))
          )());
        }
        function obsGroupList() {
          return opts.strict ? null : wrap("obs-group-list", and(
            star(and(
              invis(opt(cfws)),
              literal(",")
            ), 1),
            invis(opt(cfws))
          )());
        }
        function obsLocalPart() {
          return opts.strict ? null : wrap("obs-local-part", and(word, star(and(literal("."), word)))());
        }
        function obsDomain() {
          return opts.strict ? null : wrap("obs-domain", and(atom, star(and(literal("."), atom)))());
        }
        function obsDtext() {
          return opts.strict ? null : wrap("obs-dtext", or(obsNoWsCtl, quotedPair)());
        }
        function findNode(name, root) {
          var i, stack, node;
          if (root === null || root === void 0) {
            return null;
          }
          stack = [root];
          while (stack.length > 0) {
            node = stack.pop();
            if (node.name === name) {
              return node;
            }
            for (i = node.children.length - 1; i >= 0; i -= 1) {
              stack.push(node.children[i]);
            }
          }
          return null;
        }
        function findAllNodes(name, root) {
          var i, stack, node, result;
          if (root === null || root === void 0) {
            return null;
          }
          stack = [root];
          result = [];
          while (stack.length > 0) {
            node = stack.pop();
            if (node.name === name) {
              result.push(node);
            }
            for (i = node.children.length - 1; i >= 0; i -= 1) {
              stack.push(node.children[i]);
            }
          }
          return result;
        }
        function findAllNodesNoChildren(names, root) {
          var i, stack, node, result, namesLookup;
          if (root === null || root === void 0) {
            return null;
          }
          stack = [root];
          result = [];
          namesLookup = {};
          for (i = 0; i < names.length; i += 1) {
            namesLookup[names[i]] = true;
          }
          while (stack.length > 0) {
            node = stack.pop();
            if (node.name in namesLookup) {
              result.push(node);
            } else {
              for (i = node.children.length - 1; i >= 0; i -= 1) {
                stack.push(node.children[i]);
              }
            }
          }
          return result;
        }
        function giveResult(ast) {
          var addresses, groupsAndMailboxes, i, groupOrMailbox, result;
          if (ast === null) {
            return null;
          }
          addresses = [];
          groupsAndMailboxes = findAllNodesNoChildren(["group", "mailbox"], ast);
          for (i = 0; i < groupsAndMailboxes.length; i += 1) {
            groupOrMailbox = groupsAndMailboxes[i];
            if (groupOrMailbox.name === "group") {
              addresses.push(giveResultGroup(groupOrMailbox));
            } else if (groupOrMailbox.name === "mailbox") {
              addresses.push(giveResultMailbox(groupOrMailbox));
            }
          }
          result = {
            ast,
            addresses
          };
          if (opts.simple) {
            result = simplifyResult(result);
          }
          if (opts.oneResult) {
            return oneResult(result);
          }
          if (opts.simple) {
            return result && result.addresses;
          } else {
            return result;
          }
        }
        function giveResultGroup(group2) {
          var i;
          var groupName = findNode("display-name", group2);
          var groupResultMailboxes = [];
          var mailboxes = findAllNodesNoChildren(["mailbox"], group2);
          for (i = 0; i < mailboxes.length; i += 1) {
            groupResultMailboxes.push(giveResultMailbox(mailboxes[i]));
          }
          return {
            node: group2,
            parts: {
              name: groupName
            },
            type: group2.name,
            // 'group'
            name: grabSemantic(groupName),
            addresses: groupResultMailboxes
          };
        }
        function giveResultMailbox(mailbox2) {
          var name = findNode("display-name", mailbox2);
          var aspec = findNode("addr-spec", mailbox2);
          var cfws2 = findAllNodes("cfws", mailbox2);
          var comments = findAllNodesNoChildren(["comment"], mailbox2);
          var local = findNode("local-part", aspec);
          var domain2 = findNode("domain", aspec);
          return {
            node: mailbox2,
            parts: {
              name,
              address: aspec,
              local,
              domain: domain2,
              comments: cfws2
            },
            type: mailbox2.name,
            // 'mailbox'
            name: grabSemantic(name),
            address: grabSemantic(aspec),
            local: grabSemantic(local),
            domain: grabSemantic(domain2),
            comments: concatComments(comments),
            groupName: grabSemantic(mailbox2.groupName)
          };
        }
        function grabSemantic(n) {
          return n !== null && n !== void 0 ? n.semantic : null;
        }
        function simplifyResult(result) {
          var i;
          if (result && result.addresses) {
            for (i = 0; i < result.addresses.length; i += 1) {
              delete result.addresses[i].node;
            }
          }
          return result;
        }
        function concatComments(comments) {
          var result = "";
          if (comments) {
            for (var i = 0; i < comments.length; i += 1) {
              result += grabSemantic(comments[i]);
            }
          }
          return result;
        }
        function oneResult(result) {
          if (!result) {
            return null;
          }
          if (!opts.partial && result.addresses.length > 1) {
            return null;
          }
          return result.addresses && result.addresses[0];
        }
        var parseString, pos, len, parsed, startProduction;
        opts = handleOpts(opts, {});
        if (opts === null) {
          return null;
        }
        parseString = opts.input;
        startProduction = {
          "address": address,
          "address-list": addressList,
          "angle-addr": angleAddr,
          "from": fromSpec,
          "group": group,
          "mailbox": mailbox,
          "mailbox-list": mailboxList,
          "reply-to": replyToSpec,
          "sender": senderSpec
        }[opts.startAt] || addressList;
        if (!opts.strict) {
          initialize();
          opts.strict = true;
          parsed = startProduction(parseString);
          if (opts.partial || !inStr()) {
            return giveResult(parsed);
          }
          opts.strict = false;
        }
        initialize();
        parsed = startProduction(parseString);
        if (!opts.partial && inStr()) {
          return null;
        }
        return giveResult(parsed);
      }
      function parseOneAddressSimple(opts) {
        return parse5322(handleOpts(opts, {
          oneResult: true,
          rfc6532: true,
          simple: true,
          startAt: "address-list"
        }));
      }
      function parseAddressListSimple(opts) {
        return parse5322(handleOpts(opts, {
          rfc6532: true,
          simple: true,
          startAt: "address-list"
        }));
      }
      function parseFromSimple(opts) {
        return parse5322(handleOpts(opts, {
          rfc6532: true,
          simple: true,
          startAt: "from"
        }));
      }
      function parseSenderSimple(opts) {
        return parse5322(handleOpts(opts, {
          oneResult: true,
          rfc6532: true,
          simple: true,
          startAt: "sender"
        }));
      }
      function parseReplyToSimple(opts) {
        return parse5322(handleOpts(opts, {
          rfc6532: true,
          simple: true,
          startAt: "reply-to"
        }));
      }
      function handleOpts(opts, defs) {
        function isString(str) {
          return Object.prototype.toString.call(str) === "[object String]";
        }
        function isObject(o2) {
          return o2 === Object(o2);
        }
        function isNullUndef(o2) {
          return o2 === null || o2 === void 0;
        }
        var defaults, o;
        if (isString(opts)) {
          opts = { input: opts };
        } else if (!isObject(opts)) {
          return null;
        }
        if (!isString(opts.input)) {
          return null;
        }
        if (!defs) {
          return null;
        }
        defaults = {
          oneResult: false,
          partial: false,
          rejectTLD: false,
          rfc6532: false,
          simple: false,
          startAt: "address-list",
          strict: false,
          atInDisplayName: false,
          commaInDisplayName: false,
          addressListSeparator: ","
        };
        for (o in defaults) {
          if (isNullUndef(opts[o])) {
            opts[o] = !isNullUndef(defs[o]) ? defs[o] : defaults[o];
          }
        }
        return opts;
      }
      parse5322.parseOneAddress = parseOneAddressSimple;
      parse5322.parseAddressList = parseAddressListSimple;
      parse5322.parseFrom = parseFromSimple;
      parse5322.parseSender = parseSenderSimple;
      parse5322.parseReplyTo = parseReplyToSimple;
      if (typeof module !== "undefined" && typeof module.exports !== "undefined") {
        module.exports = parse5322;
      } else {
        global.emailAddresses = parse5322;
      }
    })(exports);
  }
});

// src/config/mailbox.ts
var import_email_addresses = __toESM(require_email_addresses(), 1);
import { domainToASCII } from "node:url";
var MAX_LOCAL_LENGTH = 64;
var MAX_DOMAIN_LENGTH = 253;
var MAX_LABEL_LENGTH = 63;
var LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
function checkMailbox(text) {
  let check = checked.get(text);
  if (!check) {
    check = checkUncached(text);
    checked.set(text, check);
  }
  return check;
}
var checked = /* @__PURE__ */ new Map();
function checkUncached(text) {
  const refuse = (reason) => ({ ok: false, reason });
  if (/[\r\n]/.test(text)) return refuse("it contains a line break (a header is one line)");
  const control = [...text].find((c) => c !== "	" && (c < " " || c === "\x7F"));
  if (control) return refuse(`it contains the control character U+${hex(control.charCodeAt(0))}`);
  const input = text.trim();
  if (!input) return refuse("it is empty");
  return checkParsed(plainMailbox(input) ?? grammarParse(input));
}
function plainMailbox(input) {
  const match = PLAIN_MAILBOX.exec(input);
  if (!match) return void 0;
  const [, bareLocal, bareDomain, name, local, domain] = match;
  if (bareLocal !== void 0) return { local: bareLocal, domain: bareDomain };
  return { ...name ? { name: collapse(name) } : {}, local, domain };
}
var ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
var DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
var PLAIN_MAILBOX = new RegExp(
  `^(?:(${DOT_ATOM})@(${DOT_ATOM})|(?:(${ATEXT}(?:[ \\t]+${ATEXT})*)[ \\t]*)?<(${DOT_ATOM})@(${DOT_ATOM})>)$`
);
function grammarParse(input) {
  const parsed = import_email_addresses.default.parseOneAddress({ input, rfc6532: true });
  if (!parsed) return { refused: diagnose(input) };
  if (parsed.type === "group")
    return { refused: `it is a group ("${parsed.name}: ...;"): list each address on its own` };
  const name = displayName(parsed);
  return { ...name ? { name } : {}, local: parsed.local, domain: parsed.domain };
}
function checkParsed(parsed) {
  const refuse = (reason) => ({ ok: false, reason });
  if ("refused" in parsed) return refuse(parsed.refused);
  const local = parsed.local;
  const nonAscii = /[^\p{ASCII}]/u.exec(local);
  if (nonAscii)
    return refuse(
      `the part before the @ ("${local}") has the non-ASCII character "${nonAscii[0]}": SES accepts only ASCII there (no SMTPUTF8)`
    );
  if (local.length > MAX_LOCAL_LENGTH)
    return refuse(
      `the part before the @ is ${local.length} characters long; at most ${MAX_LOCAL_LENGTH} are allowed`
    );
  const asciiDomain = checkDomain(parsed.domain);
  if (typeof asciiDomain === "object") return refuse(asciiDomain.reason);
  const localOnWire = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local) ? local : `"${local.replace(/(["\\])/g, "\\$1")}"`;
  const name = parsed.name;
  return {
    ok: true,
    mailbox: {
      ...name ? { name } : {},
      address: `${localOnWire}@${parsed.domain}`,
      asciiAddress: `${localOnWire}@${asciiDomain}`
    }
  };
}
function parseMailbox(text) {
  const check = checkMailbox(text);
  if (!check.ok)
    throw new Error(`${JSON.stringify(text)} is not an email address: ${check.reason}`);
  return check.mailbox;
}
function addressKey(text) {
  return parseMailbox(text).asciiAddress.toLowerCase();
}
function formatMailbox(text) {
  const { name, asciiAddress } = parseMailbox(text);
  return name ? `${encodeDisplayName(name)} <${asciiAddress}>` : asciiAddress;
}
function mimeAddress(text) {
  const { name, asciiAddress } = parseMailbox(text);
  return { name: name ?? "", address: asciiAddress };
}
function encodeDisplayName(name) {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/(["\\])/g, "\\$1")}"`;
  return encodedWords(name);
}
function encodedWords(text) {
  const chunks = [""];
  for (const char of text) {
    if (Buffer.byteLength(chunks.at(-1) + char) > 45) chunks.push("");
    chunks[chunks.length - 1] += char;
  }
  return chunks.map((chunk) => `=?UTF-8?B?${Buffer.from(chunk).toString("base64")}?=`).join(" ");
}
function checkDomain(domain) {
  if (domain.startsWith("["))
    return { reason: `the domain ${domain} is an IP address: SES needs a domain name` };
  const ascii = domainToASCII(domain);
  if (!ascii) return { reason: `the domain "${domain}" is not a valid domain name` };
  const labels = ascii.split(".");
  if (labels.length < 2)
    return {
      reason: `the domain "${domain}" has no dot: write the whole domain, as in example.com`
    };
  const long = labels.find((label) => label.length > MAX_LABEL_LENGTH);
  if (long !== void 0)
    return {
      reason: `the domain "${domain}" has a part of ${long.length} characters${long.startsWith("xn--") ? " in its ASCII (punycode) form" : ""} ("${long.slice(0, 12)}\u2026"): each part between dots is at most ${MAX_LABEL_LENGTH}`
    };
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== void 0)
    return {
      reason: `the domain "${domain}" has the part "${bad}": a domain name has only letters, digits and inner hyphens`
    };
  if (/^\d+$/.test(labels.at(-1)))
    return { reason: `the domain "${domain}" ends in a number: SES needs a domain name` };
  if (ascii.length > MAX_DOMAIN_LENGTH)
    return {
      reason: `the domain is ${ascii.length} characters long; at most ${MAX_DOMAIN_LENGTH}`
    };
  return ascii;
}
function displayName(parsed) {
  if (parsed.parts.name) return collapse(visibleText(parsed.parts.name)) || void 0;
  const comments = parsed.parts.comments.map(
    (node) => collapse(visibleText(node)).replace(/^\((.*)\)$/, "$1").trim()
  ).filter(Boolean);
  return comments.length === 1 ? comments[0] : void 0;
}
function visibleText(node) {
  if (node.name === "comment") return node.tokens;
  if (node.name === "fws" || node.name === "wsp") return " ";
  if (node.name === "dquote") return "";
  if (node.name === "quoted-pair") return node.semantic;
  if (node.children.length === 0) return node.tokens;
  return node.children.map(visibleText).join("");
}
function collapse(text) {
  return text.replace(/\s+/g, " ").trim();
}
function diagnose(input) {
  const outsideQuotes = input.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if ((outsideQuotes.match(/"/g) ?? []).length % 2 === 1) return 'a double quote (") is not closed';
  const opens = (outsideQuotes.match(/</g) ?? []).length;
  const closes = (outsideQuotes.match(/>/g) ?? []).length;
  if (opens !== closes) return "a < has no matching > (or a > no <)";
  if (opens > 1) return "it holds more than one <address>: list each address on its own";
  const angle = /<([^<>]*)>/.exec(outsideQuotes);
  const before = angle ? outsideQuotes.slice(0, angle.index) : "";
  if (angle && before.includes(","))
    return `a display name with a comma must be in double quotes, as in "${input.slice(0, angle.index).trim().replace(/"/g, "")}" <${angle[1].trim()}>`;
  if (!angle && /[,;]/.test(outsideQuotes.replace(/\([^()]*\)/g, "")))
    return "it holds more than one address (a , or ;): list each address on its own";
  if (angle && /[@<>[\]:;\\]/.test(before))
    return "the display name has one of @ < > [ ] : ; \\ : put the name in double quotes";
  const address = (angle ? angle[1] : outsideQuotes).trim();
  const at = address.lastIndexOf("@");
  if (at < 0) return "it has no @ (an address is name@domain, as in reports@example.com)";
  if (at === address.length - 1) return "it has no domain after the @";
  if (at === 0) return "it has nothing before the @";
  const local = address.slice(0, at);
  if (local.includes("@")) return "it has more than one @";
  if (/^\.|\.$|\.\./.test(local))
    return "the part before the @ starts or ends with a dot or has two dots in a row";
  const words = address.split(/\s+/);
  if (!angle && words.length > 1 && words.at(-1).includes("@"))
    return `a name before the address needs the address in < >, as in ${words.slice(0, -1).join(" ")} <${words.at(-1)}>`;
  if (/\s/.test(address)) return "the address has a space in it";
  return "it is not an address as RFC 5322 writes one (reports@example.com, or Name <reports@example.com>)";
}
function hex(code) {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

export {
  checkMailbox,
  addressKey,
  formatMailbox,
  mimeAddress
};

a = "%{if c}a%{else}b%{else}c%{endif}"

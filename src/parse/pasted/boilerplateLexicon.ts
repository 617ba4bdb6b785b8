/**
 * Boilerplate evidence for pasted notes, per language. Two strengths:
 * - a STRONG pattern describes a line that is site furniture on its own (page counters, QQ and phone
 *   numbers, "click to flip", "want more flashcards?", copyright and cookie notices, share buttons);
 * - a WEAK word is app or document-site vocabulary ("VIP", "下载", "QCM", "premium") that also occurs
 *   in real notes, so it only counts with other evidence (a second word, a bad neighbour, repetition).
 * The idea of weak/strong cues plus neighbours comes from jusText and boilerpipe; the ad and share
 * vocabularies follow what Readability and trafilatura look for. Entries are written for this project.
 */

export interface StrongPattern {
  pattern: RegExp;
  reason: string;
}

/** Lines that are boilerplate by themselves, whatever their neighbours. */
export const STRONG_PATTERNS: readonly StrongPattern[] = [
  // Contact numbers: QQ / WeChat ids, 400/800 hotlines, Chinese mobiles, masked numbers, "Tel: …".
  { pattern: /(?:QQ|qq|Q\s?Q群|微信|WeChat|wechat|vx|VX)\s*(?:号|群)?\s*[:：]?\s*\d{5,12}/u, reason: 'contact number (QQ/WeChat)' },
  { pattern: /(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)/u, reason: 'phone number' },
  { pattern: /(?<![\d.])1[3-9]\d{9}(?!\d)/u, reason: 'phone number' },
  { pattern: /(?<!\d)\d{3}\*{3,4}\d{4}(?!\d)/u, reason: 'masked phone number (user name)' },
  { pattern: /(?:电话|热线|客服|手机|Tel\.?|Tél\.?|Phone|Téléphone|Telefon|Teléfono)\s*[:：]?\s*\+?[\d(][\d\s().-]{6,}\d/iu, reason: 'phone number' },
  // Page counters and word-processor field codes.
  { pattern: /^\s*(?:page|p\.|seite|página|pagina|pág\.)?\s*\d{1,4}\s*(?:\/|of|sur|de|von|di|из)\s*\d{1,4}\s*(?:pages?)?\s*$/iu, reason: 'page counter' },
  { pattern: /^\s*(?:page|seite|página|pagina)\s+\d{1,4}\s*$/iu, reason: 'page counter' },
  { pattern: /^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/u, reason: 'page counter' },
  { pattern: /^\s*第\s*[\d一二三四五六七八九十百]+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$/u, reason: 'page counter' },
  { pattern: /(?:本文档|本文|文档|全文)?共\s*\d+\s*页/u, reason: 'page counter' },
  { pattern: /\bNUMPAGES\b|\bPAGE\s*\d+\s*\/?\s*NUMPAGES|^\s*PAGE\s*\d*\s*$/u, reason: 'page field code' },
  { pattern: /\bTOC\s*\\[a-z]|\bHYPERLINK\s+\\l|\bMERGEFORMAT\b|\bPAGEREF\s+_Toc/u, reason: 'table-of-contents field code' },
  // Study-app furniture: the app's own tab and panel names, alone on a line.
  { pattern: /^\s*(?:fiches? de révision|flashcards?|cartes? mémoire|carte mentale|carte heuristique|mind ?maps?|mindmap|qcm|quiz|quizz|progression par thème|study set|learn mode|karteikarten|tarjetas de memoria|思维导图|闪卡|记忆卡片|知识卡片|复习卡片|测验)\s*[:：]?\s*$/iu, reason: 'study-app heading' },
  // Flashcard and study-app interface.
  { pattern: /^(?:cliquer|cliquez|clique|appuyer|appuyez|appuie|toucher|touchez|click|tap|press|klicken|tippen|haz clic|pulsa|toca)\b.{0,30}\b(?:retourner|tourner|révéler|voir|afficher|flip|reveal|show|see|turn|umdrehen|anzeigen|girar|ver|mostrar)\b/iu, reason: 'app interface' },
  { pattern: /^(?:envie|besoin)\s+(?:de\s+)?(?:plus|encore)\s+(?:de\s+)?\S+.{0,30}[?？]\s*$/iu, reason: 'app promotion' },
  { pattern: /^(?:want|need|get)\s+(?:more|even more|unlimited)\s+\S+.{0,30}[?？!]?\s*$/iu, reason: 'app promotion' },
  { pattern: /\b(?:premium|pro)\b.{0,40}\b(?:fonctionnalité|feature|débloque|unlock|upgrade|essai|trial|abonnement|subscription|passe[rz]?|go)\b|\b(?:fonctionnalité|feature|avec|with|passe[rz]?\s+à|go|upgrade\s+to|offre|essai)\s+premium\b/iu, reason: 'premium offer' },
  { pattern: /^(?:voir plus|afficher plus|lire la suite|read more|see more|show more|load more|mehr anzeigen|weiterlesen|ver más|leer más|查看更多|展开全文|阅读全文|点击查看|加载更多|继续阅读)\s*[.…>»]*\s*$/iu, reason: 'interface link' },
  { pattern: /^\s*(?:sign up|log in|sign in|create (?:a |your )?(?:free )?account|register now|inscris-toi|inscrivez-vous|connecte-toi|connectez-vous|crée ton compte|créez votre compte|jetzt registrieren|registrieren|anmelden|regístrate|inicia sesión|注册|登录|立即注册|免费注册)\b.{0,60}$/iu, reason: 'account prompt' },
  { pattern: /^\s*(?:skip to (?:main )?content|aller au contenu(?: principal)?|zum inhalt springen|ir al contenido|跳到主要内容|跳转到内容)\s*$|^\s*(?:menu|navigation|accueil|home|首页|主页|inicio|startseite)\s*(?:[>›»/|]\s*\S.{0,80})?$/iu, reason: 'site navigation' },
  { pattern: /^\s*(?:télécharger|téléchargez|imprimer|imprimez|download|print|descargar|descarga|imprimir|herunterladen|drucken|scarica|stampa)(?:\s+(?:le|la|les|ce|cette|the|this|el|la|das|den|il|en|as|als|au format))*\s*(?:pdf|doc|docx|word|fichier|file|document|cours|course|notes?|fiche|pdf gratuit|version pdf|archivo|datei)?\s*[.…!»>]*\s*$/iu, reason: 'download or print prompt' },
  { pattern: /^\s*(?:点击)?(?:下载|打印)(?:本文|文档|全文|此文档|PDF|pdf|Word|word)?\s*$/u, reason: 'download or print prompt' },
  // Document-site furniture (Chinese sharing sites and their Western counterparts).
  { pattern: /VIP\s*(?:会员|文档|专享|特权|权益|下载|免费|精品)|(?:成为|开通|升级|加入)\s*VIP|VIP\s*(?:member|membership|document)/iu, reason: 'VIP offer' },
  { pattern: /^(?:文档|全部|网友|用户)?评论\s*[（(]\s*\d+\s*[)）]\s*$|^(?:comments?|commentaires?|kommentare|comentarios|likes?|j'aime|shares?|partages?|vues?|views?)\s*[（(]?\s*\d+\s*[)）]?\s*$/iu, reason: 'comment or like counter' },
  { pattern: /[+＋]\s*关注\s*$|^\s*(?:关注|已关注|加关注|关注我们|分享到|分享至|收藏|点赞|举报|打赏)\s*\S{0,8}\s*$/u, reason: 'follow/share button' },
  { pattern: /^\s*(?:share|partager|partagez|teilen|compartir|condividi|follow|suivre|suivez|folgen|síguenos|tweet|pin it|subscribe|s'abonner|abonnieren|suscríbete)(?:\s+(?:on|sur|auf|en|this|ce|cette|us|nous|me|it|via|par))?(?:\s*[,/|]?\s*(?:facebook|twitter|x|linkedin|instagram|whatsapp|pinterest|e-?mail|reddit|tiktok|youtube|weibo|微信|微博|qq))*\s*[:!.]?\s*$/iu, reason: 'follow/share button' },
  { pattern: /^\s*(?:相关文档|相关推荐|猜你喜欢|热门文档|推荐文档|最新文档|related (?:documents|posts|articles)|you may also like|documents similaires|articles similaires|ähnliche dokumente|documentos relacionados)\s*$/iu, reason: 'related-documents block' },
  { pattern: /该用户很懒|这家伙很懒|什么也没(?:有)?(?:介绍|留下)|实名认证|文档贡献者|上传(?:者|文档)\s*$|^\s*(?:贡献者|上传者)\s*[:：]/u, reason: 'uploader profile' },
  { pattern: /(?:版权申诉|侵权必究|不得用于商业用途|仅供(?:个人)?(?:学习|参考)|本站不对|本站所有内容|下载权益|下载积分|积分下载|免费下载|立即下载|下载文档|下载本文档|付费前请|一经付费)/u, reason: 'document-site notice' },
  { pattern: /^\s*(?:©|\(c\)|copyright\b)|\b(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados)\b|版权所有/iu, reason: 'copyright notice' },
  { pattern: /\b(?:we use cookies|nous utilisons des cookies|accept(?:er)? (?:all )?cookies|cookie (?:policy|settings)|politique de cookies|wir verwenden cookies|usamos cookies)\b/iu, reason: 'cookie notice' },
  { pattern: /^\s*(?:publicité|advertisement|sponsored|sponsorisé|annonce|anzeige|werbung|publicidad|广告|推广|赞助)\s*$|^\s*(?:chargement|loading|chargement en cours|lädt|cargando|正在加载|加载中)\s*[.…]*\s*$/iu, reason: 'advertising or loading text' },
];

/**
 * Weak vocabulary of apps and document sites, per language. Each entry is matched as a whole word in
 * Latin scripts and as a substring in Chinese.
 */
export const WEAK_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['flashcard', 'flashcards', 'quiz', 'quizzes', 'mcq', 'premium', 'upgrade', 'unlock', 'sign up', 'sign in', 'log in', 'login', 'subscribe', 'download', 'downloads', 'generate', 'generates', 'paste your', 'click', 'free trial', 'ad-free', 'app'],
  fr: ['flashcard', 'flashcards', 'qcm', 'premium', 'débloquer', 'débloquez', 'inscris-toi', 'inscrivez-vous', 'connecte-toi', 'connexion', 'abonne-toi', 'abonnez-vous', 'télécharger', 'téléchargez', 'génère', 'générez', 'colle ton', 'collez votre', 'cliquer', 'cliquez', 'essai gratuit', 'sans pub', 'appli'],
  de: ['karteikarten', 'premium', 'freischalten', 'anmelden', 'registrieren', 'abonnieren', 'herunterladen', 'generiere', 'klicken', 'kostenlos testen'],
  es: ['tarjetas', 'premium', 'desbloquear', 'regístrate', 'inicia sesión', 'suscríbete', 'descargar', 'genera', 'haz clic', 'prueba gratis'],
  zh: ['文档', '下载', '上传', '积分', '会员', 'VIP', '付费', '本站', '网站', '网友', '侵权', '举报', '关注', '收藏', '点赞', '评论', '登录', '注册', '充值', '权益', '贡献者', '认证', '客服', '退款'],
};

/** Lead-in words: a line ending with ":" that contains one announces what follows; it is no heading. */
export const LEAD_IN = /如下|以下|下列|包括|包含|分为|有以下|如下所示|suivant(?:e?s)?|ci-dessous|comme suit|voici|following|as follows|below|include[s]?|are\b|sont\b|folgende|wie folgt|siguiente[s]?|como sigue|son\b/iu;
